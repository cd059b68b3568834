import Database from 'better-sqlite3'
import fs from 'node:fs'
import { execFileSync } from 'node:child_process'
const m='/tmp/tfs2'; fs.mkdirSync(m,{recursive:true})
execFileSync('mount',['-t','tmpfs','-o','size=4m','tmpfs',m])
try {
  const f=m+'/p.db'
  let db=new Database(f); db.pragma('journal_mode=WAL'); db.exec("create table t(x); insert into t values (1)"); db.close()
  try { fs.writeFileSync(m+'/filler', Buffer.alloc(8<<20)) } catch {}
  try { db=new Database(f,{readonly:true}); db.pragma('locking_mode=EXCLUSIVE'); console.log('full ro excl', db.prepare('select * from t').all()); db.close() } catch(e) { console.log('full ro excl fail', e.code) }
  try { db=new Database(f); db.pragma('locking_mode=EXCLUSIVE'); console.log('full rw excl', db.prepare('select * from t').all()); try{db.exec('insert into t values (2)')}catch(e){console.log('write', e.code)}; db.close() } catch(e) { console.log('full rw excl fail', e.code) }
  fs.rmSync(m+'/filler')
  execFileSync('mount',['-o','remount,ro',m])
  try { db=new Database(f,{readonly:true}); db.pragma('locking_mode=EXCLUSIVE'); console.log('ro-fs ro excl', db.prepare('select * from t').all()); db.close() } catch(e) { console.log('ro-fs ro excl fail', e.code, e.message) }
} finally { execFileSync('umount',[m]) }
