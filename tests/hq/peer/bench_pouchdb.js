// Peer for bench_sync: PouchDB 9 replicating the same backlog (default 14,000
// ticket-like records) to a PouchDB server (express-pouchdb, in-memory) on
// loopback, in the same run. Prints records/s and the cost of a replication
// with nothing new (requests, bytes). Needs NODE_PATH with pouchdb-core,
// pouchdb-adapter-memory, pouchdb-adapter-http, pouchdb-replication,
// express-pouchdb and express (run_peer.sh installs them from npm).
'use strict';
const PouchDB = require('pouchdb-core')
  .plugin(require('pouchdb-adapter-memory'))
  .plugin(require('pouchdb-adapter-http'))
  .plugin(require('pouchdb-replication'));
const express = require('express');
const crypto = require('crypto');

const records = Number((process.argv.find((a, i) => process.argv[i - 1] === '--records')) || 14000);

async function main() {
  const ServerPouch = PouchDB.defaults({adapter: 'memory'});
  const app = express();
  let requests = 0, bytes = 0;
  app.use((req, res, next) => {
    requests++;
    const write = res.write.bind(res), end = res.end.bind(res);
    res.write = (chunk, ...rest) => { if (chunk) bytes += Buffer.byteLength(chunk); return write(chunk, ...rest); };
    res.end = (chunk, ...rest) => { if (chunk && typeof chunk !== 'function') bytes += Buffer.byteLength(chunk); return end(chunk, ...rest); };
    next();
  });
  app.use('/', require('express-pouchdb')(ServerPouch, {mode: 'minimumForPouchDB', inMemoryConfig: true, logPath: '/dev/null'}));
  const server = await new Promise((resolve) => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
  const url = `http://127.0.0.1:${server.address().port}/tickets`;

  const local = new PouchDB('store', {adapter: 'memory'});
  const docs = [];
  for (let i = 0; i < records; i++) {
    docs.push({_id: crypto.randomUUID(), ticket: 'A' + (100 + i), business_day: '2026-11-23', service: i % 2 ? 'A' : 'B',
               priority: false, state: 'waiting', counter: null, outcome: null, recalls: 0, issued_at: Date.now(),
               queued_since: Date.now(), called_at: null, started_at: null, finished_at: null, phone: null,
               token: crypto.randomBytes(10).toString('hex'), print_state: 'not-printed'});
  }
  for (let i = 0; i < docs.length; i += 1000) await local.bulkDocs(docs.slice(i, i + 1000));

  const remote = new PouchDB(url);
  let start = process.hrtime.bigint();
  const result = await local.replicate.to(remote, {batch_size: 500});
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const info = await remote.info();
  console.log(`pouchdb peer: ${result.docs_written} records in ${seconds.toFixed(2)} s = ${(records / seconds).toFixed(0)} records/s` +
              ` (server holds ${info.doc_count}); ${requests} requests`);
  await local.replicate.from(remote, {batch_size: 500});  // the first pull sets its checkpoint
  requests = 0; bytes = 0;
  start = process.hrtime.bigint();
  await local.replicate.to(remote, {batch_size: 500});
  await local.replicate.from(remote, {batch_size: 500});
  console.log(`pouchdb peer no-op sync (push + pull): ${requests} requests, ${bytes} bytes of answer bodies, ` +
              `${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(1)} ms`);
  server.close();
}
main().catch((e) => { console.error(e); process.exit(1); });
