// Drives a running Custos through the npm dicomweb-client library, as a browser viewer would,
// and prints one JSON report on stdout for DicomWebClientIT to check. Only the library's API
// talks to the server; this script computes digests and lengths, it judges nothing.
//
// usage: CUSTOS_API_KEY=... NODE_EXTRA_CA_CERTS=<home>/tls/self-signed.crt node check.mjs <dicomweb-root> <plan.json>
//
// The plan (written by the Java test) names the files to store and the calls to make. The report
// holds UIDs, counts, lengths and SHA-256 digests only: no attribute values that could be PHI.
// The key travels in the environment, not in argv, and never reaches the report or stderr:
// the client runs with verbose=false, because on a failure it would print the whole request.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import XMLHttpRequest from 'xhr2';
import { api } from 'dicomweb-client';

// The library is written for browsers: it calls `new XMLHttpRequest()` on the global object.
globalThis.XMLHttpRequest = XMLHttpRequest;

const [root, planFile] = process.argv.slice(2);
const key = process.env.CUSTOS_API_KEY;
if (!root || !planFile || !key) {
  process.stderr.write('usage: CUSTOS_API_KEY=... node check.mjs <dicomweb-root> <plan.json>\n');
  process.exit(2);
}
const plan = JSON.parse(readFileSync(planFile, 'utf8'));
const require = createRequire(import.meta.url);

const client = new api.DICOMwebClient({
  url: root,
  headers: { Authorization: `Bearer ${key}` },
  verbose: false,
});

const report = {
  library: require('dicomweb-client/package.json').version,
  xhr2: require('xhr2/package.json').version,
  node: process.version,
  stored: [],
  studies: {},
  series: {},
  instances: {},
  retrieved: {},
  metadata: {},
  bulkData: {},
  frames: {},
  studyMetadata: {},
  errors: [],
};

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const bytesOf = (buffer) => new Uint8Array(buffer);
const first = (attribute) => attribute?.Value?.[0];

/** Runs one library call; a rejection is recorded (status, message, start of the body) instead of thrown. */
async function attempt(operation, call) {
  try {
    return await call();
  } catch (error) {
    const body = error.response === undefined || error.response === null ? ''
      : typeof error.response === 'string' ? error.response
        : error.response instanceof ArrayBuffer ? Buffer.from(error.response).toString('utf8')
          : JSON.stringify(error.response);
    report.errors.push({
      operation, status: error.status ?? null, message: String(error.message), body: body.slice(0, 400),
    });
    return undefined;
  }
}

/** The UIDs in a QIDO-RS answer (a DICOM JSON array), under one tag. */
const uids = (answer, tag) => (Array.isArray(answer) ? answer.map((item) => first(item[tag])) : null);

// STOW-RS: all but the last file in one multi-part request, the last one to /studies/{study}.
const batches = [
  { options: {}, files: plan.instances.slice(0, -1) },
  { options: { studyInstanceUID: plan.instances.at(-1).study }, files: plan.instances.slice(-1) },
];
for (const [index, batch] of batches.entries()) {
  const datasets = batch.files.map((instance) => {
    const file = readFileSync(instance.file);
    return file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength);
  });
  const answer = await attempt(`storeInstances#${index + 1}`,
    () => client.storeInstances({ ...batch.options, datasets }));
  if (answer !== undefined) {
    const json = typeof answer === 'string' && answer.length > 0 ? JSON.parse(answer) : answer;
    report.stored.push({
      call: index + 1,
      sent: batch.files.map((instance) => instance.sop),
      referenced: (json?.['00081199']?.Value ?? []).map((item) => first(item['00081155'])),
      failed: (json?.['00081198']?.Value ?? []).map((item) => first(item['00081155'])),
      retrieveUrl: first(json?.['00081190']) ?? null,
    });
  }
}

// QIDO-RS.
report.studies.all = uids(await attempt('searchForStudies', () => client.searchForStudies()), '0020000D');
report.studies.matching = uids(await attempt('searchForStudies?query',
  () => client.searchForStudies({ queryParams: plan.studyQuery })), '0020000D');
report.studies.none = uids(await attempt('searchForStudies?none',
  () => client.searchForStudies({ queryParams: plan.emptyQuery })), '0020000D');
for (const study of [...new Set(plan.instances.map((instance) => instance.study))]) {
  const series = await attempt('searchForSeries', () => client.searchForSeries({ studyInstanceUID: study }));
  report.series[study] = uids(series, '0020000E');
  for (const seriesUid of report.series[study] ?? []) {
    const instances = await attempt('searchForInstances',
      () => client.searchForInstances({ studyInstanceUID: study, seriesInstanceUID: seriesUid }));
    report.instances[seriesUid] = instances?.map((item) => ({
      sop: first(item['00080018']),
      sopClass: first(item['00080016']),
      retrieveUrl: first(item['00081190']) ?? null,
    })) ?? null;
  }
}

// WADO-RS, per instance: the instance itself, its metadata, and the pixel data its BulkDataURI names.
for (const instance of plan.instances) {
  const ids = { studyInstanceUID: instance.study, seriesInstanceUID: instance.series, sopInstanceUID: instance.sop };
  const retrieved = await attempt(`retrieveInstance ${instance.sop}`, () => client.retrieveInstance(ids));
  if (retrieved !== undefined) {
    const bytes = bytesOf(retrieved);
    report.retrieved[instance.sop] = {
      length: bytes.length,
      sha256AfterPreamble: sha256(bytes.subarray(128)),
      dicmAt128: Buffer.from(bytes.subarray(128, 132)).toString('latin1') === 'DICM',
      contentType: retrieved.contentType ?? null,
      transferSyntaxUID: retrieved.transferSyntaxUID ?? null,
    };
  }

  const metadata = await attempt(`retrieveInstanceMetadata ${instance.sop}`,
    () => client.retrieveInstanceMetadata(ids));
  if (metadata !== undefined) {
    const item = Array.isArray(metadata) ? metadata[0] : undefined;
    report.metadata[instance.sop] = {
      items: Array.isArray(metadata) ? metadata.length : null,
      study: first(item?.['0020000D']) ?? null,
      series: first(item?.['0020000E']) ?? null,
      sop: first(item?.['00080018']) ?? null,
      sopClass: first(item?.['00080016']) ?? null,
      rows: first(item?.['00280010']) ?? null,
      columns: first(item?.['00280011']) ?? null,
      samplesPerPixel: first(item?.['00280002']) ?? null,
      bitsAllocated: first(item?.['00280100']) ?? null,
      numberOfFrames: first(item?.['00280008']) ?? null,
      pixelDataVr: item?.['7FE00010']?.vr ?? null,
      pixelDataBulkDataURI: item?.['7FE00010']?.BulkDataURI ?? null,
      pixelDataInline: item?.['7FE00010']?.InlineBinary !== undefined,
    };
    const uri = item?.['7FE00010']?.BulkDataURI;
    if (uri && plan.bulkData.includes(instance.sop)) {
      const parts = await attempt(`retrieveBulkData ${instance.sop}`,
        () => client.retrieveBulkData({ BulkDataURI: uri }));
      if (parts !== undefined) {
        report.bulkData[instance.sop] = parts.map((part) => ({
          length: part.byteLength, sha256: sha256(bytesOf(part)),
        }));
      }
    }
  }
}

// Frames: uncompressed ones as the library asks by default (application/octet-stream, Explicit
// VR Little Endian), and encapsulated ones as stored (transfer-syntax=*), as viewers ask for them.
for (const request of plan.frames) {
  const options = {
    studyInstanceUID: request.study,
    seriesInstanceUID: request.series,
    sopInstanceUID: request.sop,
    frameNumbers: request.frameNumbers,
  };
  if (request.asStored) {
    options.mediaTypes = [{ mediaType: 'application/octet-stream', transferSyntaxUID: '*' }];
  }
  const frames = await attempt(`retrieveInstanceFrames ${request.sop}`, () => client.retrieveInstanceFrames(options));
  if (frames !== undefined) {
    report.frames[request.sop] = frames.map((frame) => ({
      length: frame.byteLength,
      sha256: sha256(bytesOf(frame)),
      head: Buffer.from(bytesOf(frame).subarray(0, 8)).toString('hex'),
      contentType: frame.contentType ?? null,
      transferSyntaxUID: frame.transferSyntaxUID ?? null,
    }));
  }
}

for (const study of plan.studyMetadata) {
  const metadata = await attempt(`retrieveStudyMetadata ${study}`,
    () => client.retrieveStudyMetadata({ studyInstanceUID: study }));
  if (metadata !== undefined) {
    report.studyMetadata[study] = Array.isArray(metadata) ? metadata.map((item) => ({
      sop: first(item['00080018']) ?? null,
      series: first(item['0020000E']) ?? null,
      pixelDataBulkDataURI: item['7FE00010']?.BulkDataURI ?? null,
    })) : null;
  }
}

process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
// xhr2 keeps its sockets alive; the report is complete, so do not wait for them to time out.
process.exit(0);
