import Database from 'better-sqlite3'
import fs from 'node:fs'
const f='/tmp/t1.db'; for (const x of [f, f+'-wal', f+'-shm']) fs.rmSync(x,{force:true})
let db = new Database(f)
db.pragma('journal_mode=WAL')
db.exec(`CREATE TABLE t(id INTEGER PRIMARY KEY, text TEXT); CREATE VIRTUAL TABLE fts USING fts5(text, content='t', content_rowid='id', tokenize='trigram');
CREATE TRIGGER ai AFTER INSERT ON t BEGIN INSERT INTO fts(rowid, text) VALUES (new.id, new.text); END;`)
db.close()
db = new Database(f)
db.pragma('trusted_schema = OFF')
console.log('trusted', db.pragma('trusted_schema', {simple:true}))
db.prepare('INSERT INTO t(text) VALUES (?)').run('hello world')
console.log(db.prepare("SELECT rowid FROM fts WHERE fts MATCH 'llo'").all())
console.log(db.prepare('select sqlite_version() v').get())
db.close()
console.log(fs.existsSync(f+'-wal'), fs.existsSync(f+'-shm'))
// read-only open of a WAL db when dir is read-only
fs.mkdirSync('/tmp/rofs',{recursive:true})
