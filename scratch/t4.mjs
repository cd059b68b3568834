import Database from 'better-sqlite3'
import fs from 'node:fs'
const f='/tmp/t4.db'; for (const x of [f, f+'-wal', f+'-shm']) fs.rmSync(x,{force:true})
let db=new Database(f); db.pragma('journal_mode=WAL'); db.exec("create table t(x); insert into t values (1)"); db.close()
const buf=fs.readFileSync(f)
console.log('hdr', buf[18], buf[19])
try { const m=new Database(buf,{readonly:true}); console.log('as is', m.prepare('select * from t').all(), m.readonly); try { m.exec('insert into t values (3)') } catch(e){ console.log('write', e.code) } m.close() } catch(e){ console.log('as is fail', e.code, e.message) }
buf[18]=1; buf[19]=1
try { const m=new Database(buf,{readonly:true}); console.log('patched', m.prepare('select * from t').all(), m.readonly); try { m.exec('insert into t values (3)') } catch(e){ console.log('write', e.code) }; console.log(m.pragma('application_id',{simple:true})); m.close() } catch(e){ console.log('patched fail', e.code, e.message) }
