import Database from 'better-sqlite3'
const f='/tmp/rofs/t1.db'
try { const db = new Database(f, { readonly: true }); console.log('ro open', db.prepare('select count(*) n from t').get()); db.close() } catch(e){ console.log('ro fail', e.code, e.message) }
try { const db = new Database(f); console.log('rw open', db.prepare('select count(*) n from t').get()); try { db.prepare("insert into t(text) values ('x')").run() } catch(e) { console.log('write fail', e.code, e.message) } db.close() } catch(e){ console.log('rw fail', e.code, e.message) }
try { const db = new Database('file:'+f+'?immutable=1', { readonly: true }); console.log('uri open', db.prepare('select count(*) n from t').get()); db.close() } catch(e){ console.log('uri fail', e.code, e.message) }
