#!/usr/bin/env node
// outsider.js - an independent client of NotificationExchange, written against the .proto files in protos/ alone
// (no generated C#), on another gRPC implementation: Node.js with @grpc/grpc-js and @grpc/proto-loader.
//
// The NUnit tests in tests/NotificationExchange.Exchange.Tests/OutsiderNodeClientTests.cs run it against a real
// exchange and talk to it over stdin/stdout: it prints one JSON object a line for everything it does, and waits for
// commands on stdin where the test must make something happen first. Install its dependencies with
// `npm ci --prefix tests/outsider-node` (scripts/test.sh does).
//
//   node outsider.js subscribe <address> <api key> <subscription id> [sync|async]
//     Subscribes and reads until CaughtUp, prints {"type":"caught_up",...}, then stops reading (the stream is paused:
//     grpc-js stops taking data from HTTP/2, so the server's writes block) until it reads the line "read" on stdin.
//     Then it reads everything until the stream ends, prints {"type":"ended",...} with the status code, details,
//     the `nx-resume-after` trailer and the google.rpc.ErrorInfo detail, and resumes (resume_after_sequence) from the
//     last sequence IT PROCESSED - never from the trailer, which says what the server sent, not what reached this
//     code (grpc-js drops messages that arrived before an error status but were not yet read: grpc/grpc-node issue
//     2764). It reads the resumed stream until CaughtUp and prints {"type":"done",...}.
//     Every event it processes is printed as {"type":"event","stream":1|2,"sequence":"...","id":"..."}.
//     `sync` (the default) processes each message within grpc-js's 'data' event; `async` processes each message as
//     an application that awaits something per message would: it pauses the stream after each message and resumes
//     it on the next turn of the event loop, so grpc-js holds messages that arrived but were not yet read.
//
//   node outsider.js file-malformed <address> <api key>
//     Files a valid maneuver notice, then the same notice with a malformed timestamp (nanos = -1 in
//     maneuver.execution_window.start), and prints what the exchange answered to each, decoding the
//     google.rpc.BadRequest carried in the `grpc-status-details-bin` trailer.
//
//   node outsider.js takeover <address> <api key> <subscription id>
//     Opens stream 1 on the subscription and reads it to CaughtUp, then opens stream 2 on the same subscription, which
//     takes it over. Prints {"type":"ended","stream":1,...} with how stream 1 ended (code, details, `nx-resume-after`
//     trailer, ErrorInfo), {"type":"caught_up","stream":n,...}, each event as {"type":"event","stream":n,...}, and
//     {"type":"ready"} once stream 1 has ended and stream 2 has caught up; then the events stream 2 receives, until it
//     reads "stop" on stdin: it cancels stream 2 and prints {"type":"done",...} (with what grpc-js delivered on stream
//     1 after its status, if anything). Stream 2 ending by itself is a failure (exit code 1 after "done").
//
//   node outsider.js stream <address> <api key> <subscription id>
//     One stream, for a test whose other client (C#) opens the other one: prints its CaughtUp, its events and, when it
//     ends, {"type":"ended",...} as above and {"type":"done",...}; or, on "stop", cancels it and prints "done".
//
//   node outsider.js converse <address> <api key> <consultation id> <count> <expect>
//     One party of an OPEN consultation on a Converse stream: sends open, reads until caught_up (prints
//     {"type":"caught_up","sequence":...}), then says <count> messages one after another (client ids node-1, node-2,
//     ...; each printed as {"type":"accepted",...} once the exchange stored it) while printing every message it
//     receives as {"type":"message","sequence":...,"from":...,"client_message_id":...,"text":...}. Once it has
//     received <expect> messages and all of its own were accepted, it sends a receipt for the last one (read too) and
//     prints {"type":"received","sequences":[...]}. Other parties' receipts are printed as {"type":"receipt",...}
//     until it reads "stop" on stdin; then it half-closes, cancels and prints {"type":"done"}. The stream ending
//     before that is a failure.
//
//   node outsider.js file-retry <address> <api key>
//     Builds a maneuver notice with hostile but valid values (texts at their maximum length with non-ASCII letters,
//     combining marks and characters outside the BMP, an Alpha-5 catalogue number, optional fields present and
//     absent; see hostileManeuverNotice) under a 128-character request id, serializes it ONCE with two unknown fields
//     appended, prints {"type":"sending",...}, files those bytes and prints {"type":"answer","which":"first",...}.
//     Then it prints {"type":"waiting","for":"retry"} and waits for "retry" on stdin (the test moves the exchange's
//     clock past the notice's window meanwhile), and prints the answers to: the same bytes again ("retry"); the same
//     notice under a new request id ("fresh"); the same request id with the contact's phone changed ("changed"); the
//     same known fields with other unknown fields ("other_unknown_fields"). Each answer is {"ok":true,"response":...}
//     (the FileNotificationResponse as proto-loader decodes it) or {"ok":false,"status":...} (as for file-malformed).
//
//   node outsider.js file-hostile <address> <api key>
//     Files one valid notice (printed as {"type":"filed","id":...}), then sends requests with hostile ids the exchange
//     must refuse cleanly (a 10,000-character request id, control characters, "MNV-" and 400 digits, an existing id
//     with a line break after it, ...; see fileHostile) and prints each answer as {"type":"probe","name":...}, then
//     {"type":"probes_done","count":n}.
//
//   node outsider.js directory-hostile <address> <api key>
//     Sets the caller's directory entry with hostile but valid values (non-ASCII names, a three-part IANA zone, 24:00)
//     and reads it back, then sends directory requests the exchange must refuse cleanly (a time zone that is a path or
//     ends in a line break, offsets past 14:00, clock times out of range or in non-ASCII digits, enum numbers the
//     .proto files do not define, two PRIMARY contacts, a 10,000-character name, a forged page token; see
//     directoryHostile) and prints each answer as {"type":"probe","name":...}, then {"type":"probes_done","count":n}.
//
//   node outsider.js consult-hostile <address> <requester key> <counterpart key>
//     Sets up what hostile values are measured against (a notification, a consultation the counterpart accepted, an
//     ACTIVE direct line; printed as {"type":"setup",...}), then sends every ConsultationService unary call, and the
//     webhook fields of UpdateProfile, with hostile and odd values: empty, huge, control characters, lone surrogates,
//     ids that look like ids but are not, unknown enum numbers, Timestamps and Durations out of range, bad
//     counterparts. Each is printed as {"type":"probe","name":...,"expect":{"code":...,"fields":[...]},...} with what
//     this client expects from the contract (consultations.proto) beside what the exchange answered; then
//     {"type":"probes_done","count":n}. See consultHostile.
//
//   node outsider.js consult-flow <address> <requester key> <counterpart key>
//     A whole consultation between two organisations (request about a notification, acknowledge, propose a time,
//     accept, propose closure with actions, confirm), both sides' subscription streams read meanwhile; then
//     ExportTranscript by both, the JSON re-canonicalised here (RFC 8785, written in this file: canonicalJson) and
//     its SHA-256 compared with the export's and with the CLOSED event's closure.transcript_sha256. Prints
//     {"type":"flow",...} (what was sent, each answer's state, each stream's consultation events) and
//     {"type":"transcript",...}. See consultFlow.
//
//   node outsider.js consult-outsider <address> <key A> <key B> <key C>
//     A and B hold consultations in every state and a direct line; C, a third organisation, tries every call on them
//     and on ids never issued, printing each pair as {"type":"probe",...} with both answers' shapes; C's ListConsultations
//     and ListDirectLines; and everything C's subscription stream carried (replayed from 0, then live while A and B go on
//     and C requests a consultation of its own), as {"type":"stream",...}. See consultOutsider.
//
//   node outsider.js registry-hostile <address> <admin key> <key A> <key B>
//     Every field of RegisterObject, ResolveObjectClaim, LoadCatalogue, AcknowledgeAlert, ExportAlertCdm, GetAlert,
//     ListAlerts, ListObjects and a subscription's AlertFilter with hostile values (alerts.proto, subscriptions.proto).
//     Each answer is printed as {"type":"probe","name":...,"field":<the wire path made bad, or null>,"expect":...} and,
//     for an accepted change, with what reads back (GetObject and ListObjects, GetCatalogueStatus, GetSubscription)
//     compared here with what was sent; then {"type":"probes_done","count":n}. See registryHostile.
//
//   node outsider.js registry-flow <address> <admin key> <key A> <key B>
//     A registers an object with a TLE; B's registration of it is refused (ALREADY_EXISTS); the administrator lists
//     the claim and awards it to B; then loads a small 3LE catalogue with two bad entries. Prints {"type":"flow",...}.
//
//   node outsider.js alerts-flow <address> <key B> <key C>
//     B and C subscribe and read to CaughtUp; prints {"type":"ready"} and waits for "filed <notification id>" on stdin
//     (the test files a maneuver meeting B's object meanwhile). B must receive the alert's RAISED within 30 s; B reads
//     it (GetAlert), acknowledges it with an intent, waits for its ACKNOWLEDGED event and exports it as a CDM. C tries
//     the same calls (each beside an id never issued), lists its alerts, and files a marker notice its stream must
//     reach with no alert event before it. Prints {"type":"alerts",...}. See alertsFlow.
//
// Sequences (uint64) are printed as decimal strings. Exit code 0 when the run went as described, non-zero (after a
// {"type":"failed",...} line) otherwise.
'use strict';

const path = require('path');
const crypto = require('crypto');
const readline = require('readline');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const protobuf = require('protobufjs');

const PROTOS = path.resolve(__dirname, '..', '..', 'protos');
const OVERALL_LIMIT_MS = 180_000;

const definition = protoLoader.loadSync(
  ['notification_exchange/v1/notifications.proto', 'notification_exchange/v1/subscriptions.proto', 'notification_exchange/v1/operators.proto',
    'notification_exchange/v1/consultations.proto'],
  { includeDirs: [PROTOS], keepCase: true, longs: String, enums: String, defaults: true, oneofs: true });
const v1 = grpc.loadPackageDefinition(definition).notification_exchange.v1;

// google.rpc.Status and the details this client reads, as protobufjs descriptors written by hand (grpc-js does not
// ship them): field numbers as in google/rpc/status.proto and google/rpc/error_details.proto.
const rpc = protobuf.Root.fromJSON({
  nested: {
    google: {
      nested: {
        rpc: {
          nested: {
            Status: {
              fields: {
                code: { type: 'int32', id: 1 },
                message: { type: 'string', id: 2 },
                details: { rule: 'repeated', type: 'Detail', id: 3 },
              },
            },
            // google.protobuf.Any, under another name so that protobufjs does not apply its Any wrapper.
            Detail: { fields: { type_url: { type: 'string', id: 1 }, value: { type: 'bytes', id: 2 } } },
            ErrorInfo: {
              fields: {
                reason: { type: 'string', id: 1 },
                domain: { type: 'string', id: 2 },
                metadata: { keyType: 'string', type: 'string', id: 3 },
              },
            },
            BadRequest: {
              fields: { field_violations: { rule: 'repeated', type: 'FieldViolation', id: 1 } },
              nested: {
                FieldViolation: { fields: { field: { type: 'string', id: 1 }, description: { type: 'string', id: 2 } } },
              },
            },
          },
        },
      },
    },
  },
});
const StatusType = rpc.lookupType('google.rpc.Status');
const detailTypes = {
  'type.googleapis.com/google.rpc.ErrorInfo': rpc.lookupType('google.rpc.ErrorInfo'),
  'type.googleapis.com/google.rpc.BadRequest': rpc.lookupType('google.rpc.BadRequest'),
};

function print(line) {
  process.stdout.write(JSON.stringify(line) + '\n');
}

function finish(exitCode) {
  // stdout to a pipe is synchronous on Linux, but wait for the write all the same before exiting.
  process.stdout.write('', () => process.exit(exitCode));
}

function fail(message) {
  print({ type: 'failed', message: String(message) });
  finish(1);
}

function channelAddress(address) {
  return address.replace(/^https?:\/\//, '').replace(/\/+$/, '');
}

function authorization(apiKey) {
  const metadata = new grpc.Metadata();
  metadata.set('authorization', `Bearer ${apiKey}`);
  return metadata;
}

const codeNames = Object.fromEntries(Object.entries(grpc.status).map(([name, code]) => [code, name]));

/** What an error status carries: code, details, the resume trailer, and the decoded google.rpc.Status details. */
function describeStatus(status) {
  const metadata = status.metadata || new grpc.Metadata();
  const resumeAfter = metadata.get('nx-resume-after');
  const described = {
    code: status.code,
    code_name: codeNames[status.code] || String(status.code),
    details: status.details,
    resume_after: resumeAfter.length > 0 ? String(resumeAfter[0]) : null,
    error_info: null,
    field_violations: null,
    detail_types: [],
  };
  const statusBin = metadata.get('grpc-status-details-bin');
  if (statusBin.length > 0) {
    const decoded = StatusType.decode(statusBin[0]);
    described.status_message = decoded.message;
    for (const detail of decoded.details) {
      described.detail_types.push(detail.type_url);
      const type = detailTypes[detail.type_url];
      if (!type) {
        continue;
      }
      const value = type.toObject(type.decode(detail.value), { defaults: true });
      if (type.name === 'ErrorInfo') {
        described.error_info = value;
      } else {
        described.field_violations = value.field_violations;
      }
    }
  }
  return described;
}

function timestamp(date, nanos = 0) {
  return { seconds: String(Math.floor(date.getTime() / 1000)), nanos };
}

/** A valid maneuver notice, built from the proto field names (as in the C# tests' Support/Notices.cs). */
function maneuverNotice() {
  const start = new Date(Date.now() + 6 * 3600_000);
  const end = new Date(start.getTime() + 20 * 60_000);
  return {
    object: { norad_cat_id: 25544, cospar_id: '1998-067A', name: 'ISS (ZARYA)' },
    execution_window: { start: timestamp(start), end: timestamp(end) },
    purpose: 'MANEUVER_PURPOSE_COLLISION_AVOIDANCE',
    planned_delta_v: { magnitude_mps: 0.5, components_mps: { radial: 0, in_track: 0.5, cross_track: 0 } },
    remarks: 'Filed by the Node.js outsider client',
    contact: { name: 'Duty flight dynamics engineer', email: 'fdo@example.org' },
  };
}

function fileNotification(client, apiKey, request) {
  return new Promise((resolve) => {
    client.FileNotification(request, authorization(apiKey), { deadline: Date.now() + 30_000 }, (error, response) => {
      resolve(error ? { ok: false, status: describeStatus(error) } : { ok: true, id: response.notification.id });
    });
  });
}

async function fileMalformed(address, apiKey) {
  const client = new v1.NotificationService(channelAddress(address), grpc.credentials.createInsecure());
  const valid = await fileNotification(client, apiKey, { request_id: crypto.randomUUID(), maneuver: maneuverNotice() });
  print({ type: 'filed', which: 'valid', ...valid });

  const malformed = maneuverNotice();
  malformed.execution_window.start.nanos = -1;
  const refused = await fileNotification(client, apiKey, { request_id: crypto.randomUUID(), maneuver: malformed });
  print({ type: 'filed', which: 'malformed', ...refused });
  client.close();
  finish(0);
}

/**
 * Opens one Subscribe stream. `onMessage` gets each message while the stream is current; `onEnd` gets the status
 * once. Messages that grpc-js delivers after it reported the status are not processed (the client has moved on and
 * resumed from its own position): they are counted in `late`.
 */
function openStream(client, apiKey, request, mode, onMessage, onEnd) {
  // held: the client has stopped reading (until told to read); late: what arrived after the status.
  const stream = { call: null, ended: false, held: false, late: [] };
  stream.call = client.Subscribe(request, authorization(apiKey));
  stream.call.on('data', (message) => {
    if (stream.ended) {
      stream.late.push(message.event ? message.event.sequence : message.message);
      return;
    }
    onMessage(message);
    if (mode === 'async' && !stream.ended) {
      stream.call.pause();
      setImmediate(() => {
        if (!stream.held) {
          stream.call.resume();
        }
      });
    }
  });
  // grpc-js emits 'error' (status not OK) and then 'status' (always); take whichever carries the status first.
  const end = (status) => {
    if (!stream.ended) {
      stream.ended = true;
      onEnd(status);
    }
  };
  stream.call.on('error', end);
  stream.call.on('status', end);
  return stream;
}

function subscribe(address, apiKey, subscriptionId, mode) {
  const client = new v1.SubscriptionService(channelAddress(address), grpc.credentials.createInsecure());
  const input = readline.createInterface({ input: process.stdin });
  let lastProcessed = null; // the last sequence this code processed: an event, an unreadable entry, or CaughtUp
  let first = null;
  let firstProcessed = 0;
  let firstEnd = null;
  let second = null;
  let secondProcessed = 0;

  const processEvent = (streamNumber, message) => {
    if (message.message === 'event') {
      lastProcessed = message.event.sequence;
      print({ type: 'event', stream: streamNumber, sequence: message.event.sequence, id: message.event.notification.id });
      return true;
    }
    if (message.message === 'unreadable') {
      lastProcessed = message.unreadable.sequence;
      print({ type: 'unreadable', stream: streamNumber, sequence: message.unreadable.sequence, id: message.unreadable.notification_id });
      return true;
    }
    return false;
  };

  const resume = () => {
    if (lastProcessed === null) {
      fail('the first stream ended before this client processed any position');
      return;
    }
    print({ type: 'resuming', after: lastProcessed });
    second = openStream(client, apiKey, { subscription_id: subscriptionId, resume_after_sequence: lastProcessed }, mode,
      (message) => {
        if (processEvent(2, message)) {
          secondProcessed++;
        } else if (message.message === 'caught_up') {
          lastProcessed = message.caught_up.sequence;
          print({ type: 'caught_up', stream: 2, sequence: message.caught_up.sequence, events: secondProcessed });
          second.ended = true;
          second.call.cancel();
          print({
            type: 'done',
            mode,
            first_stream: firstEnd,
            first_stream_processed: firstProcessed,
            first_stream_late: first.late,
            second_stream_processed: secondProcessed,
            last_processed: lastProcessed,
          });
          input.close();
          client.close();
          finish(0);
        }
      },
      (status) => fail(`the resumed stream ended before CaughtUp: ${codeNames[status.code]} ${status.details}`));
  };

  first = openStream(client, apiKey, { subscription_id: subscriptionId }, mode,
    (message) => {
      if (processEvent(1, message)) {
        firstProcessed++;
      } else if (message.message === 'caught_up') {
        lastProcessed = message.caught_up.sequence;
        // Stop reading: grpc-js keeps what it holds and stops taking data from the HTTP/2 stream.
        first.held = true;
        first.call.pause();
        print({ type: 'caught_up', stream: 1, sequence: message.caught_up.sequence, events: firstProcessed, paused: true });
      }
    },
    (status) => {
      firstEnd = describeStatus(status);
      print({ type: 'ended', stream: 1, ...firstEnd, processed: firstProcessed, last_processed: lastProcessed });
      resume();
    });

  input.on('line', (line) => {
    if (line.trim() === 'read') {
      print({ type: 'reading', stream: 1 });
      first.held = false;
      first.call.resume();
    } else if (line.trim() !== '') {
      fail(`unknown command: ${line}`);
    }
  });
  input.on('close', () => {
    if (second === null || !second.ended) {
      fail('stdin closed before the run was over');
    }
  });
}

const notificationMethods = definition['notification_exchange.v1.NotificationService'];

/** A unary call whose request is given as bytes: sends exactly these bytes (unknown fields included). */
function unaryBytes(client, method, bytes, apiKey) {
  return new Promise((resolve) => {
    client.makeUnaryRequest(`/notification_exchange.v1.NotificationService/${method}`, (b) => b,
      notificationMethods[method].responseDeserialize, bytes, authorization(apiKey), { deadline: Date.now() + 30_000 },
      (error, response) => resolve(error ? { ok: false, status: describeStatus(error) } : { ok: true, response }));
  });
}

/** A unary call whose request is an object (serialized by proto-loader from the .proto files). */
function unary(client, method, request, apiKey) {
  return new Promise((resolve) => {
    client[method](request, authorization(apiKey), { deadline: Date.now() + 30_000 },
      (error, response) => resolve(error ? { ok: false, status: describeStatus(error) } : { ok: true, response }));
  });
}

/**
 * Fields the .proto files do not define, as a newer client would send them: field 4242 as a varint and field 4243 as
 * length-delimited bytes. Appended to a message's bytes; a proto3 parser must skip them.
 */
function unknownFields(varint, text) {
  return Buffer.from(protobuf.Writer.create()
    .uint32((4242 << 3) | 0).uint32(varint)
    .uint32((4243 << 3) | 2).bytes(Buffer.from(text, 'utf8'))
    .finish());
}

/** `count` characters (UTF-16 code units, as the exchange counts a text's length) of `pattern`, repeated. */
function textOfLength(pattern, count) {
  let text = '';
  while (text.length < count) {
    text += pattern;
  }
  // Never cut a surrogate pair in two: a lone surrogate is not a character protobuf can carry as UTF-8.
  text = text.slice(0, count);
  return /[\uD800-\uDBFF]$/.test(text) ? text.slice(0, count - 1) + 'x' : text;
}

/**
 * A maneuver notice valid by the exchange's rules (services/NotificationExchange.Domain/Notifications) but built to
 * trip a careless implementation: texts at their maximum length in UTF-16 code units, with non-ASCII letters,
 * combining marks (decomposed forms, which must not be normalized), characters outside the BMP and line breaks where
 * they are allowed; an Alpha-5 catalogue number (T0002 = 270002, beyond the 5-digit range); timestamps with nanos;
 * doubles that are not short decimals (0.1 + 0.2) and a negative zero; optional parts present
 * (expected_orbit's mean elements with optional fields set, contact phone) and absent (current_orbit, organization).
 * Its window is 6 h from the real clock, so a test moving the exchange's clock 7 h makes it too late.
 */
function hostileManeuverNotice() {
  const start = new Date(Date.now() + 6 * 3600_000);
  const end = new Date(start.getTime() + 20 * 60_000);
  return {
    // Alpha-5 T0002 (T = 27, so 270002); the name at the 64-character limit with combining marks and non-Latin scripts.
    object: { norad_cat_id: 270002, cospar_id: '2024-999ZZZ', name: textOfLength('Ca\u0301ntico Ω-Σ 衛星 Ä\u0308 ', 63) + 'Z' },
    execution_window: { start: timestamp(start, 123456700), end: timestamp(end, 999999900) },
    purpose: 'MANEUVER_PURPOSE_OTHER',
    planned_delta_v: { magnitude_mps: 0.1 + 0.2, components_mps: { radial: 0, in_track: 0.1 + 0.2, cross_track: -0 } },
    expected_orbit: {
      mean_elements: {
        epoch: timestamp(new Date(end.getTime() + 3600_000)),
        apogee_altitude_km: 421.000000000001,
        perigee_altitude_km: 415,
        inclination_deg: 51.64,
        raan_deg: 359.999999,
        arg_of_perigee_deg: 0,
        mean_anomaly_deg: 97.4,
      },
    },
    // 2,000 code units: purpose OTHER needs remarks; surrogate pairs (🛰, 𝔘) count two each.
    remarks: textOfLength('Ausweichmanöver 🛰 e\u0301 n\u0303 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 "quoted" <tag> & \\ back\r\n\tslash; ', 2000),
    contact: {
      name: textOfLength('Jörg Ñúñez-Ørsted \u0645\u062d\u0645\u062f ', 127) + 'x',
      email: 'fdo+ops@example.org',
      phone: '+49 (6151) 90-0.1',
    },
  };
}

async function fileRetry(address, apiKey) {
  const client = new v1.NotificationService(channelAddress(address), grpc.credentials.createInsecure());
  const input = readline.createInterface({ input: process.stdin });
  const lines = input[Symbol.asyncIterator]();
  // 128 characters, the longest request id, of printable ASCII other than letters and digits where possible.
  const requestId = textOfLength(`${crypto.randomUUID()}!"#$%&'()*+,-./:;<=>?@[\\]^_\`{|}~`, 128);
  const request = { request_id: requestId, maneuver: hostileManeuverNotice() };
  // Built once and kept: the retry sends these very bytes, as the contract asks (never rebuild a retried request).
  const bytes = Buffer.concat([notificationMethods.FileNotification.requestSerialize(request), unknownFields(7, 'from a newer client')]);
  print({ type: 'sending', request_id: requestId, maneuver: request.maneuver, bytes: bytes.length });

  print({ type: 'answer', which: 'first', ...await unaryBytes(client, 'FileNotification', bytes, apiKey) });
  print({ type: 'waiting', for: 'retry' });
  const next = await lines.next();
  if (next.done || next.value.trim() !== 'retry') {
    fail(`expected "retry" on stdin, got ${next.done ? 'end of input' : next.value}`);
    return;
  }
  print({ type: 'answer', which: 'retry', ...await unaryBytes(client, 'FileNotification', bytes, apiKey) });

  // The same notice under a new request id is a new request, which the rules now refuse (the window has passed).
  print({ type: 'answer', which: 'fresh', ...await unary(client, 'FileNotification', { ...request, request_id: crypto.randomUUID() }, apiKey) });
  // The same request id with one field changed (the contact's phone) is another request: refused on request_id.
  const changed = { ...request, maneuver: { ...request.maneuver, contact: { ...request.maneuver.contact, phone: '+1 555 0100' } } };
  print({ type: 'answer', which: 'changed', ...await unary(client, 'FileNotification', changed, apiKey) });
  // The same known fields with other unknown fields: what the exchange makes of fields it does not know.
  const otherUnknown = Buffer.concat([notificationMethods.FileNotification.requestSerialize(request), unknownFields(8, 'another newer client')]);
  print({ type: 'answer', which: 'other_unknown_fields', ...await unaryBytes(client, 'FileNotification', otherUnknown, apiKey) });
  input.close();
  client.close();
  finish(0);
}

/**
 * Values a careless server might choke on rather than refuse: each request is sent and its answer printed as
 * {"type":"probe","name":...,"ok":...,"status":{...}}.
 */
async function fileHostile(address, apiKey) {
  const client = new v1.NotificationService(channelAddress(address), grpc.credentials.createInsecure());
  // A notification that exists, so that an ill-formed spelling of its id (a line break after it) could be found.
  const filed = await unary(client, 'FileNotification', { request_id: crypto.randomUUID(), maneuver: maneuverNotice() }, apiKey);
  if (!filed.ok) {
    fail(`filing a valid notice failed: ${JSON.stringify(filed.status)}`);
    return;
  }
  const existing = filed.response.notification.id;
  print({ type: 'filed', id: existing });
  const longId = `MNV-${'1234567890'.repeat(40)}`;
  const beyondInt64 = 'MNV-9999999999999999999'; // 19 digits, the most the id pattern allows, above 2^63 - 1
  const probes = [
    ['request_id_10000_characters', 'FileNotification', { request_id: 'r'.repeat(10_000), maneuver: maneuverNotice() }],
    ['request_id_control_characters', 'FileNotification', { request_id: 'retry\u0000\u0007\u001b[2J\u007f', maneuver: maneuverNotice() }],
    ['request_id_line_break', 'FileNotification', { request_id: 'id\r\nX-Injected: 1', maneuver: maneuverNotice() }],
    ['request_id_non_ascii', 'FileNotification', { request_id: 'ﬁling-é-🛰', maneuver: maneuverNotice() }],
    ['amend_id_400_digits', 'AmendNotification', { notification_id: longId, request_id: crypto.randomUUID(), maneuver: maneuverNotice() }],
    ['cancel_id_400_digits', 'CancelNotification', { notification_id: longId, request_id: crypto.randomUUID(), reason: 'superseded' }],
    ['get_id_400_digits', 'GetNotification', { notification_id: longId, include_history: true }],
    ['get_id_arabic_indic_digits', 'GetNotification', { notification_id: 'MNV-\u0664\u0662' }],
    ['get_id_trailing_line_break', 'GetNotification', { notification_id: `${existing}\n` }],
    ['amend_id_trailing_line_break', 'AmendNotification', { notification_id: `${existing}\n`, request_id: crypto.randomUUID(), maneuver: maneuverNotice() }],
    ['related_id_trailing_line_break', 'FileNotification', { request_id: crypto.randomUUID(), maneuver: maneuverNotice(), related_notification_ids: [`${existing}\n`] }],
    ['related_id_400_digits', 'FileNotification', { request_id: crypto.randomUUID(), maneuver: maneuverNotice(), related_notification_ids: [longId] }],
    ['get_id_beyond_int64', 'GetNotification', { notification_id: beyondInt64 }],
    ['amend_id_beyond_int64', 'AmendNotification', { notification_id: beyondInt64, request_id: crypto.randomUUID(), maneuver: maneuverNotice() }],
    ['get_id_well_formed_unknown', 'GetNotification', { notification_id: 'MNV-987654321' }],
  ];
  await sendProbes(client, probes, apiKey);
}

/**
 * Sends each probe ([name, method, request]) in turn and prints its answer; then the count of probes printed (these
 * and the `printedBefore`), and exits.
 */
async function sendProbes(client, probes, apiKey, printedBefore = 0) {
  for (const [name, method, request] of probes) {
    print({ type: 'probe', name, method, ...await unary(client, method, request, apiKey) });
  }
  print({ type: 'probes_done', count: printedBefore + probes.length });
  client.close();
  finish(0);
}

/** The directory calls with hostile values; see the header. */
async function directoryHostile(address, apiKey) {
  const client = new v1.OperatorService(channelAddress(address), grpc.credentials.createInsecure());
  const weekdays = (opens, closes, extra = {}) => ({
    first_day: 'WEEKDAY_MONDAY', last_day: 'WEEKDAY_FRIDAY', opens, closes, ...extra });
  const profile = (contacts, extra = {}) => ({
    display_name: 'Agência Espacial 🛰 e\u0301', kind: 'ORGANIZATION_KIND_AGENCY', country: 'BR', contacts, ...extra });
  const office = (hours) => ({ role: 'CONTACT_ROLE_PRIMARY', name: 'Dinâmica de voo — plantão', email: 'fd@aeb.example', hours });
  const inZone = (time_zone, period) => ({ around_the_clock: false, time_zone, weekly: [period] });
  const valid = profile([
    office(inZone('America/Argentina/Buenos_Aires', weekdays('08:00', '24:00'))),
    { role: 'CONTACT_ROLE_OPERATIONS_24_7', name: 'Centro de operações', phone: '+55 (61) 2033-4000', hours: { around_the_clock: true } },
  ]);
  print({ type: 'probe', name: 'valid_update', method: 'UpdateProfile', ...await unary(client, 'UpdateProfile', valid, apiKey) });
  print({ type: 'probe', name: 'valid_read_back', method: 'WhoAmI', ...await unary(client, 'WhoAmI', {}, apiKey) });
  const probes = [
    ['time_zone_path', 'UpdateProfile', profile([office(inZone('../../../etc/localtime', weekdays('08:00', '17:00')))])],
    ['time_zone_line_break', 'UpdateProfile', profile([office(inZone('Europe/Paris\n', weekdays('08:00', '17:00')))])],
    ['time_zone_offset_past_14', 'UpdateProfile', profile([office(inZone('UTC+14:01', weekdays('08:00', '17:00')))])],
    ['opens_24_00', 'UpdateProfile', profile([office(inZone('UTC', weekdays('24:00', '24:00')))])],
    ['closes_minute_60', 'UpdateProfile', profile([office(inZone('UTC', weekdays('08:00', '17:60')))])],
    ['opens_arabic_indic_digits', 'UpdateProfile', profile([office(inZone('UTC', weekdays('\u0660\u0668:00', '17:00')))])],
    ['first_day_unknown_enum', 'UpdateProfile', profile([office(inZone('UTC', weekdays('08:00', '17:00', { first_day: 99 })))])],
    ['role_unknown_enum', 'UpdateProfile', profile([{ ...office(undefined), role: 42 }])],
    ['kind_unknown_enum', 'UpdateProfile', profile([office(undefined)], { kind: 7 })],
    ['two_primary_contacts', 'UpdateProfile', profile([office(undefined), office(undefined)])],
    ['display_name_10000_characters', 'UpdateProfile', profile([office(undefined)], { display_name: 'n'.repeat(10_000) })],
    ['country_line_break', 'UpdateProfile', profile([office(undefined)], { country: 'BR\n' })],
    ['list_page_token_forged', 'ListDirectory', { page_token: 'AS4uLy4uL3g' }],
    ['list_page_size_huge', 'ListDirectory', { page_size: 4_000_000_000 }],
    ['get_unknown_with_line_break', 'GetDirectoryEntry', { organization_id: 'node-directory\nforged' }],
  ];
  await sendProbes(client, probes, apiKey, 2);
}

/**
 * Opens one Subscribe stream and prints {"type":"caught_up","stream":n,...} at CaughtUp, each event, and
 * {"type":"ended","stream":n,...} (describeStatus) when it ends; messages grpc-js delivers after the status are printed
 * as {"type":"late",...}.
 */
function watchStream(client, apiKey, subscriptionId, number, onCaughtUp, onEnded) {
  const state = { events: 0, caughtUp: false, ended: null };
  const stream = openStream(client, apiKey, { subscription_id: subscriptionId }, 'sync',
    (message) => {
      if (message.message === 'event') {
        state.events++;
        print({ type: 'event', stream: number, sequence: message.event.sequence, id: message.event.notification.id });
      } else if (message.message === 'caught_up' && !state.caughtUp) {
        state.caughtUp = true;
        print({ type: 'caught_up', stream: number, sequence: message.caught_up.sequence, events: state.events });
        onCaughtUp();
      }
    },
    (status) => {
      state.ended = describeStatus(status);
      print({ type: 'ended', stream: number, ...state.ended, events: state.events });
      onEnded();
    });
  state.stream = stream;
  return state;
}

/**
 * `takeover`: stream 1 to CaughtUp, then stream 2 on the same subscription, which takes it over. Prints
 * {"type":"ready"} once stream 1 has ended and stream 2 has caught up, then what stream 2 receives until "stop".
 * `stream`: one stream, for a test whose other client (C#) opens the other stream: prints its CaughtUp, its events and
 * how it ended, until it ends or "stop".
 */
function takeover(address, apiKey, subscriptionId, streams) {
  const client = new v1.SubscriptionService(channelAddress(address), grpc.credentials.createInsecure());
  const input = readline.createInterface({ input: process.stdin });
  let first = null;
  let second = null;
  let stopped = false;
  const stop = (exitCode) => {
    if (stopped) {
      return;
    }
    stopped = true;
    for (const state of [first, second]) {
      if (state !== null && state.ended === null) {
        state.stream.ended = true;
        state.stream.call.cancel();
      }
    }
    print({
      type: 'done',
      first_stream: first.ended,
      first_stream_late: first.stream.late,
      second_stream: second === null ? null : { ended: second.ended, events: second.events },
    });
    input.close();
    client.close();
    finish(exitCode);
  };
  const readyWhenBoth = () => {
    if (first.ended !== null && second !== null && second.caughtUp) {
      print({ type: 'ready' });
    }
  };
  first = watchStream(client, apiKey, subscriptionId, 1,
    () => {
      if (streams === 2) {
        second = watchStream(client, apiKey, subscriptionId, 2, readyWhenBoth, () => stop(1));
      }
    },
    () => (streams === 2 ? readyWhenBoth() : stop(0)));
  input.on('line', (line) => {
    if (line.trim() === 'stop') {
      stop(0);
    } else if (line.trim() !== '') {
      fail(`unknown command: ${line}`);
    }
  });
}

function converse(address, apiKey, consultationId, count, expect) {
  const client = new v1.ConsultationService(channelAddress(address), grpc.credentials.createInsecure());
  const input = readline.createInterface({ input: process.stdin });
  const call = client.Converse(authorization(apiKey));
  const received = [];
  let saidCount = 0;
  let acceptedCount = 0;
  let caughtUp = false;
  let reported = false;
  let stopping = false;

  // One message at a time: the next is said once the exchange has stored the previous one.
  const sayNext = () => {
    if (saidCount < count) {
      saidCount++;
      call.write({ say: { client_message_id: `node-${saidCount}`, text: `node says ${saidCount}` } });
    }
  };
  const reportWhenDone = () => {
    if (!reported && caughtUp && received.length >= expect && acceptedCount === count) {
      reported = true;
      const last = received[received.length - 1];
      call.write({ receipt: { delivered_through: last, read_through: last } });
      print({ type: 'received', sequences: received });
    }
  };
  call.on('data', (response) => {
    switch (response.kind) {
      case 'caught_up':
        caughtUp = true;
        print({ type: 'caught_up', sequence: response.caught_up.sequence });
        sayNext();
        break;
      case 'message': {
        const message = response.message;
        received.push(message.sequence);
        print({
          type: 'message',
          sequence: message.sequence,
          from: message.from_organization,
          client_message_id: message.client_message_id,
          text: message.text,
        });
        break;
      }
      case 'accepted':
        acceptedCount++;
        print({ type: 'accepted', client_message_id: response.accepted.client_message_id, sequence: response.accepted.sequence });
        sayNext();
        break;
      case 'receipt':
        print({
          type: 'receipt',
          organization_id: response.receipt.organization_id,
          delivered_through: response.receipt.delivered_through,
          read_through: response.receipt.read_through,
        });
        break;
      default:
        fail(`unexpected response ${JSON.stringify(response)}`);
        return;
    }
    reportWhenDone();
  });
  const end = (status) => {
    if (!stopping) {
      stopping = true;
      fail(`the stream ended: ${codeNames[status.code]} ${status.details}`);
    }
  };
  call.on('error', end);
  call.on('status', end);
  call.write({ open: { consultation_id: consultationId } });
  input.on('line', (line) => {
    if (line.trim() === 'stop') {
      stopping = true;
      call.end();
      call.cancel();
      print({ type: 'done', received: received.length, accepted: acceptedCount });
      input.close();
      client.close();
      finish(0);
    } else if (line.trim() !== '') {
      fail(`unknown command: ${line}`);
    }
  });
}

function main(argv) {
  const limit = setTimeout(() => fail(`not done within ${OVERALL_LIMIT_MS} ms`), OVERALL_LIMIT_MS);
  limit.unref();
  const [command, ...args] = argv;
  if (command === 'subscribe' && (args.length === 3 || (args.length === 4 && ['sync', 'async'].includes(args[3])))) {
    subscribe(args[0], args[1], args[2], args[3] || 'sync');
  } else if (command === 'file-malformed' && args.length === 2) {
    fileMalformed(...args).catch(fail);
  } else if (command === 'file-retry' && args.length === 2) {
    fileRetry(...args).catch(fail);
  } else if (command === 'file-hostile' && args.length === 2) {
    fileHostile(...args).catch(fail);
  } else if (command === 'directory-hostile' && args.length === 2) {
    directoryHostile(...args).catch(fail);
  } else if (command === 'consult-hostile' && args.length === 3) {
    consultHostile(...args).catch(fail);
  } else if (command === 'consult-flow' && args.length === 3) {
    consultFlow(...args).catch(fail);
  } else if (command === 'consult-outsider' && args.length === 4) {
    consultOutsider(...args).catch(fail);
  } else if (command === 'registry-hostile' && args.length === 4) {
    registryHostile(...args).catch(fail);
  } else if (command === 'registry-flow' && args.length === 4) {
    registryFlow(...args).catch(fail);
  } else if (command === 'alerts-flow' && args.length === 3) {
    alertsFlow(...args).catch(fail);
  } else if (command === 'takeover' && args.length === 3) {
    takeover(args[0], args[1], args[2], 2);
  } else if (command === 'stream' && args.length === 3) {
    takeover(args[0], args[1], args[2], 1);
  } else if (command === 'converse' && args.length === 5 && /^[0-9]+$/.test(args[3]) && /^[0-9]+$/.test(args[4])) {
    converse(args[0], args[1], args[2], Number(args[3]), Number(args[4]));
  } else {
    fail('usage: outsider.js subscribe <address> <api key> <subscription id> [sync|async] | file-malformed <address> <api key>'
      + ' | file-retry <address> <api key> | file-hostile <address> <api key> | directory-hostile <address> <api key>'
      + ' | takeover <address> <api key> <subscription id> | stream <address> <api key> <subscription id>'
      + ' | converse <address> <api key> <consultation id> <count> <expect>'
      + ' | consult-hostile <address> <key> <key> | consult-flow <address> <key> <key> | consult-outsider <address> <key> <key> <key>'
      + ' | registry-hostile <address> <admin key> <key> <key> | registry-flow <address> <admin key> <key> <key> | alerts-flow <address> <key> <key>');
  }
}

main(process.argv.slice(2));

// ---------------------------------------------------------------------------------------------------------------------
// Consultations (consultations.proto), as an outsider reads the contract. Only function declarations follow: main()
// above runs before this part of the file is evaluated, and declarations are hoisted where constants would not be.
// ---------------------------------------------------------------------------------------------------------------------

/** The clients of one organisation, by its key. */
function organization(address, apiKey) {
  const target = channelAddress(address);
  const insecure = grpc.credentials.createInsecure();
  return {
    apiKey,
    consultations: new v1.ConsultationService(target, insecure),
    operators: new v1.OperatorService(target, insecure),
    notifications: new v1.NotificationService(target, insecure),
    subscriptions: new v1.SubscriptionService(target, insecure),
    registry: new v1.ObjectRegistryService(target, insecure),
    alerts: new v1.AlertService(target, insecure),
    close() {
      for (const client of [this.consultations, this.operators, this.notifications, this.subscriptions, this.registry, this.alerts]) {
        client.close();
      }
    },
  };
}

/** A unary call that must succeed (setting up what a probe needs): its response, or the run fails naming the call. */
async function must(client, method, request, apiKey) {
  const answer = await unary(client, method, request, apiKey);
  if (!answer.ok) {
    throw new Error(`${method} failed: ${JSON.stringify(answer.status)}`);
  }
  return answer.response;
}

/** A request id as the contract asks: 1 to 64 characters of A-Z a-z 0-9 . _ - : (a UUID is 36 of them). */
function requestId() {
  return crypto.randomUUID();
}

/** A window from `fromHours` to `toHours` from now, as a TimeWindow. */
function windowFromNow(fromHours, toHours, nanos = 0) {
  return { start: timestamp(new Date(Date.now() + fromHours * 3600_000), nanos), end: timestamp(new Date(Date.now() + toHours * 3600_000), nanos) };
}

/** What follows the prefix of an id (the log sequence of CON-57, MNV-42; a direct line's random part). */
function sequenceOf(id) {
  return id.slice(id.indexOf('-') + 1);
}

async function whoAmI(org) {
  return (await must(org.operators, 'WhoAmI', {}, org.apiKey)).id;
}

/**
 * `consult-hostile`: every ConsultationService unary call (and UpdateProfile's webhook_url) with values the contract
 * refuses. Each probe says what it expects: INVALID_ARGUMENT and exactly the fields named (wire paths), or, for a
 * well-formed id never issued, NOT_FOUND; a message larger than the server takes is RESOURCE_EXHAUSTED (gRPC's own
 * limit, 4 MiB). Every other value in a probe's request is valid, so that the field named is the one made bad.
 */
async function consultHostile(address, requesterKey, counterpartKey) {
  const a = organization(address, requesterKey);
  const b = organization(address, counterpartKey);
  const idA = await whoAmI(a);
  const idB = await whoAmI(b);
  const filed = await must(a.notifications, 'FileNotification', { request_id: requestId(), maneuver: maneuverNotice() }, a.apiKey);
  const notificationId = filed.notification.id;
  const topicRequest = (extra = {}) => ({
    request_id: requestId(),
    counterparts: [idB],
    topic: 'Conjunction of NODE-SAT-1 with NODE-SAT-2',
    subject: 'Who moves?',
    body: 'Pc 2e-4 at TCA.',
    urgency: 'CONSULTATION_URGENCY_PRIORITY',
    ...extra,
  });
  // One consultation left REQUESTED (hostile ids are spelled from its id) and one the counterpart accepted (OPEN), for
  // the closure's checks that need a participant of an open consultation.
  const requested = await must(a.consultations, 'RequestConsultation', topicRequest(), a.apiKey);
  const open = await must(a.consultations, 'RequestConsultation', topicRequest(), a.apiKey);
  await must(b.consultations, 'AcceptConsultation', { request_id: requestId(), consultation_id: open.id }, b.apiKey);
  // An ACTIVE direct line, so that a ring gets as far as what it is about.
  const line = await must(a.consultations, 'ProposeDirectLine', { request_id: requestId(), counterpart: idB, purpose: 'Node hostile probes' }, a.apiKey);
  await must(b.consultations, 'AcceptDirectLine', { request_id: requestId(), direct_line_id: line.id }, b.apiKey);
  // A page token of another listing (the directory's): well-formed base64url, but not a consultation listing's.
  const directoryPage = await must(b.operators, 'ListDirectory', { page_size: 1 }, b.apiKey);
  print({
    type: 'setup', requester: idA, counterpart: idB, notification_id: notificationId, consultation_id: requested.id,
    open_consultation_id: open.id, direct_line_id: line.id, directory_page_token: directoryPage.next_page_token,
  });

  const conId = requested.id;
  const invalid = (...fields) => ({ code: 'INVALID_ARGUMENT', fields });
  const notFound = { code: 'NOT_FOUND', fields: [] };
  const probes = [];
  const probe = (name, who, method, request, expect) => probes.push({ name, who, method, request, expect });

  // Ids that look like consultation ids but are not (the contract: CON- and the log sequence of its request).
  const badConsultationIds = {
    empty: '',
    con_0: 'CON-0',
    con_leading_zero: `CON-0${sequenceOf(conId)}`,
    con_20_digits: 'CON-99999999999999999999',
    con_10000_digits: `CON-${'9'.repeat(10_000)}`,
    lower_case: conId.toLowerCase(),
    trailing_line_break: `${conId}\n`,
    trailing_space: `${conId} `,
    leading_space: ` ${conId}`,
    trailing_nul: `${conId}\u0000`,
    byte_order_mark: `\uFEFF${conId}`,
    arabic_indic_digits: `CON-${[...sequenceOf(conId)].map((d) => String.fromCharCode(0x0660 + Number(d))).join('')}`,
    fullwidth_digits: `CON-${[...sequenceOf(conId)].map((d) => String.fromCharCode(0xFF10 + Number(d))).join('')}`,
    plus_sign: `CON-+${sequenceOf(conId)}`,
    minus_sign: `CON--${sequenceOf(conId)}`,
    notification_id: notificationId,
    direct_line_id: line.id,
    no_prefix: sequenceOf(conId),
  };
  // Every call that names a consultation, with its other fields valid, by the organisation that could make it.
  const byConsultation = {
    AcknowledgeConsultation: [b, (id) => ({ request_id: requestId(), consultation_id: id })],
    AcceptConsultation: [b, (id) => ({ request_id: requestId(), consultation_id: id })],
    DeclineConsultation: [b, (id) => ({ request_id: requestId(), consultation_id: id, reason: 'Not our object' })],
    ProposeTime: [b, (id) => ({ request_id: requestId(), consultation_id: id, proposed_times: [windowFromNow(2, 3)] })],
    WithdrawConsultation: [a, (id) => ({ request_id: requestId(), consultation_id: id, reason: 'Settled by phone' })],
    ProposeClosure: [a, (id) => ({ request_id: requestId(), consultation_id: id, outcome_summary: 'We maneuver.', actions: [] })],
    ConfirmClosure: [b, (id) => ({ request_id: requestId(), consultation_id: id })],
    ContestClosure: [b, (id) => ({ request_id: requestId(), consultation_id: id, reason: 'Not what we agreed' })],
    GetConsultation: [a, (id) => ({ consultation_id: id })],
    ExportTranscript: [a, (id) => ({ consultation_id: id })],
  };
  for (const [method, [who, build]] of Object.entries(byConsultation)) {
    for (const [label, id] of Object.entries(badConsultationIds)) {
      probe(`${method}.consultation_id.${label}`, who, method, build(id), invalid('consultation_id'));
    }
    probe(`${method}.consultation_id.lone_surrogate`, who, method, build(`${conId}\uD800`), invalid('consultation_id'));
    // 19 digits, as many as the id allows, above the largest 64-bit sequence: well-formed, never issued.
    probe(`${method}.consultation_id.never_issued_beyond_int64`, who, method, build('CON-9999999999999999999'), notFound);
  }

  // Request ids the contract refuses (1 to 64 characters of A-Z a-z 0-9 . _ - :), on every change.
  const badRequestIds = {
    empty: '',
    chars_65: 'r'.repeat(65),
    chars_10000: 'r'.repeat(10_000),
    line_break: 'id\r\nX-Injected: 1',
    space: 'retry 1',
    punctuation: 'retry!#1',
    non_ascii: 'ﬁling-é',
    non_bmp: 'id-🛰',
    control_characters: 'retry\u0000\u0007\u001b[2J',
    lone_surrogate: 'id-\uDC00',
  };
  const changes = {
    RequestConsultation: [a, () => topicRequest()],
    AcknowledgeConsultation: [b, () => byConsultation.AcknowledgeConsultation[1](conId)],
    AcceptConsultation: [b, () => byConsultation.AcceptConsultation[1](conId)],
    DeclineConsultation: [b, () => byConsultation.DeclineConsultation[1](conId)],
    ProposeTime: [b, () => byConsultation.ProposeTime[1](conId)],
    WithdrawConsultation: [a, () => byConsultation.WithdrawConsultation[1](conId)],
    ProposeClosure: [a, () => byConsultation.ProposeClosure[1](open.id)],
    ConfirmClosure: [b, () => byConsultation.ConfirmClosure[1](open.id)],
    ContestClosure: [b, () => byConsultation.ContestClosure[1](open.id)],
    ProposeDirectLine: [b, () => ({ request_id: requestId(), counterpart: idA, purpose: 'Another line' })],
    AcceptDirectLine: [b, () => ({ request_id: requestId(), direct_line_id: line.id })],
    RingDirectLine: [a, () => ({ request_id: requestId(), direct_line_id: line.id, subject: 'Call now' })],
  };
  for (const [method, [who, build]] of Object.entries(changes)) {
    for (const [label, id] of Object.entries(badRequestIds)) {
      probe(`${method}.request_id.${label}`, who, method, { ...build(), request_id: id }, invalid('request_id'));
    }
  }

  // RequestConsultation, field by field.
  const manyOrganizations = (count) => Array.from({ length: count }, (_, i) => `node-ghost-${i + 1}`);
  const request = (name, extra, expect) => probe(`RequestConsultation.${name}`, a, 'RequestConsultation', topicRequest(extra), expect);
  request('counterparts.none', { counterparts: [] }, invalid('counterparts'));
  request('counterparts.21', { counterparts: manyOrganizations(21) }, invalid('counterparts'));
  request('counterparts.1000', { counterparts: manyOrganizations(1000) }, invalid('counterparts'));
  request('counterparts.caller_itself', { counterparts: [idA] }, invalid('counterparts[0]'));
  request('counterparts.caller_itself_second', { counterparts: [idB, idA] }, invalid('counterparts[1]'));
  request('counterparts.duplicate', { counterparts: [idB, idB] }, invalid('counterparts[1]'));
  request('counterparts.self_and_duplicate', { counterparts: [idB, idA, idB] }, invalid('counterparts[1]', 'counterparts[2]'));
  request('counterparts.empty_string', { counterparts: [''] }, invalid('counterparts[0]'));
  request('counterparts.upper_case', { counterparts: [idB.toUpperCase()] }, invalid('counterparts[0]'));
  request('counterparts.trailing_line_break', { counterparts: [`${idB}\n`] }, invalid('counterparts[0]'));
  request('counterparts.10000_characters', { counterparts: ['o'.repeat(10_000)] }, invalid('counterparts[0]'));
  request('counterparts.unknown_organisation', { counterparts: [idB, 'node-nobody-here'] }, invalid('counterparts[1]'));
  request('counterparts.lone_surrogate', { counterparts: [`${idB}\uD83D`] }, invalid('counterparts[0]'));
  request('about.missing', { topic: undefined }, invalid('about'));
  request('topic.empty', { topic: '' }, invalid('topic'));
  request('topic.blank', { topic: ' \t ' }, invalid('topic'));
  request('topic.201_characters', { topic: 't'.repeat(201) }, invalid('topic'));
  request('topic.1000000_characters', { topic: 't'.repeat(1_000_000) }, invalid('topic'));
  request('topic.control_character', { topic: 'GEO slot\u0007' }, invalid('topic'));
  request('topic.lone_surrogate', { topic: 'GEO \uDFFF slot' }, invalid('topic'));
  const aboutNotification = (id) => ({ topic: undefined, notification_id: id });
  request('notification_id.empty', aboutNotification(''), invalid('notification_id'));
  request('notification_id.a_consultation_id', aboutNotification(conId), invalid('notification_id'));
  request('notification_id.a_direct_line_id', aboutNotification(line.id), invalid('notification_id'));
  // Well-formed ids of another kind than the notification filed at that sequence, or at a consultation's sequence.
  request('notification_id.other_kind_same_sequence', aboutNotification(`RPO-${sequenceOf(notificationId)}`), invalid('notification_id'));
  request('notification_id.launch_kind_same_sequence', aboutNotification(`LCH-${sequenceOf(notificationId)}`), invalid('notification_id'));
  request('notification_id.at_a_consultation_sequence', aboutNotification(`MNV-${sequenceOf(conId)}`), invalid('notification_id'));
  request('notification_id.lower_case', aboutNotification(notificationId.toLowerCase()), invalid('notification_id'));
  request('notification_id.trailing_line_break', aboutNotification(`${notificationId}\n`), invalid('notification_id'));
  request('notification_id.beyond_int64', aboutNotification('MNV-9999999999999999999'), invalid('notification_id'));
  request('notification_id.ntf_prefix', aboutNotification(`NTF-${sequenceOf(notificationId)}`), invalid('notification_id'));
  request('alert_id.well_formed', { topic: undefined, alert_id: 'ALR-1' }, invalid('alert_id'));
  request('alert_id.empty', { topic: undefined, alert_id: '' }, invalid('alert_id'));
  request('subject.empty', { subject: '' }, invalid('subject'));
  request('subject.blank', { subject: '   ' }, invalid('subject'));
  request('subject.201_characters', { subject: 's'.repeat(201) }, invalid('subject'));
  // 200 code units of characters outside the BMP are 100 characters but 200 UTF-16 code units: allowed; 201 are not.
  request('subject.201_code_units_non_bmp', { subject: `${'🛰'.repeat(100)}x` }, invalid('subject'));
  request('subject.1000000_characters', { subject: 's'.repeat(1_000_000) }, invalid('subject'));
  request('subject.escape_sequence', { subject: 'Who moves?\u001b[2J' }, invalid('subject'));
  request('subject.nul', { subject: 'Who\u0000moves?' }, invalid('subject'));
  request('subject.del', { subject: 'Who moves?\u007f' }, invalid('subject'));
  request('subject.c1_control', { subject: 'Who moves?\u0085' }, invalid('subject'));
  request('subject.lone_high_surrogate', { subject: 'Who moves? \uD800' }, invalid('subject'));
  request('subject.lone_low_surrogate', { subject: '\uDC00 Who moves?' }, invalid('subject'));
  request('subject.reversed_surrogate_pair', { subject: 'Who \uDC00\uD800 moves?' }, invalid('subject'));
  request('body.10001_characters', { body: 'b'.repeat(10_001) }, invalid('body'));
  request('body.control_character', { body: 'Pc\u0001' }, invalid('body'));
  request('body.lone_surrogate', { body: 'Pc \uD800' }, invalid('body'));
  // More than the server takes in one message (gRPC's default, 4 MiB): refused by gRPC before any field is read.
  request('body.5_mib', { body: 'b'.repeat(5 * 1024 * 1024) }, { code: 'RESOURCE_EXHAUSTED', fields: [] });
  request('urgency.unspecified', { urgency: 0 }, invalid('urgency'));
  request('urgency.unknown_99', { urgency: 99 }, invalid('urgency'));
  request('urgency.negative', { urgency: -1 }, invalid('urgency'));
  request('urgency.int32_max', { urgency: 2147483647 }, invalid('urgency'));
  const within = (seconds, nanos = 0) => ({ acknowledge_within: { seconds: String(seconds), nanos } });
  request('acknowledge_within.zero', within(0), invalid('acknowledge_within'));
  request('acknowledge_within.59_seconds', within(59), invalid('acknowledge_within'));
  request('acknowledge_within.just_under_a_minute', within(59, 999_999_999), invalid('acknowledge_within'));
  request('acknowledge_within.negative', within(-3600), invalid('acknowledge_within'));
  request('acknowledge_within.negative_nanos', within(0, -1), invalid('acknowledge_within'));
  request('acknowledge_within.30_days_and_a_second', within(30 * 86400 + 1), invalid('acknowledge_within'));
  request('acknowledge_within.longest_duration', within('315576000000'), invalid('acknowledge_within'));
  request('acknowledge_within.beyond_duration_range', within('315576000001'), invalid('acknowledge_within'));
  request('acknowledge_within.int64_max', within('9223372036854775807'), invalid('acknowledge_within'));
  request('acknowledge_within.int64_min', within('-9223372036854775808'), invalid('acknowledge_within'));
  request('acknowledge_within.opposite_signs', within(3600, -1), invalid('acknowledge_within'));
  request('acknowledge_within.nanos_a_second', within(3600, 1_000_000_000), invalid('acknowledge_within'));
  const times = (...windows) => ({ proposed_times: windows });
  const at = (seconds, nanos = 0) => ({ seconds: String(seconds), nanos });
  const future = windowFromNow(2, 3);
  request('proposed_times.11', times(...Array.from({ length: 11 }, (_, i) => windowFromNow(2 + i, 3 + i))), invalid('proposed_times'));
  request('proposed_times.end_before_start', times({ start: future.end, end: future.start }), invalid('proposed_times[0].end'));
  request('proposed_times.empty_window', times({ start: future.start, end: future.start }), invalid('proposed_times[0].end'));
  request('proposed_times.start_missing', times({ end: future.end }), invalid('proposed_times[0].start'));
  request('proposed_times.end_missing', times({ start: future.start }), invalid('proposed_times[0].end'));
  request('proposed_times.second_window_missing_end', times(future, { start: future.start }), invalid('proposed_times[1].end'));
  request('proposed_times.passed', times(windowFromNow(-3, -2)), invalid('proposed_times[0].end'));
  // Valid Timestamps, but outside the times the exchange accepts anywhere (1957 to 2099, README).
  request('proposed_times.year_1', times({ start: at('-62135596800'), end: at('-62135596000') }), invalid('proposed_times[0].start', 'proposed_times[0].end'));
  request('proposed_times.start_negative_nanos', times({ start: at(future.start.seconds, -1), end: future.end }), invalid('proposed_times[0].start'));
  request('proposed_times.end_nanos_a_second', times({ start: future.start, end: at(future.end.seconds, 1_000_000_000) }), invalid('proposed_times[0].end'));
  request('proposed_times.end_after_year_9999', times({ start: future.start, end: at('253402300800') }), invalid('proposed_times[0].end'));
  request('proposed_times.start_before_year_1', times({ start: at('-62135596801'), end: future.end }), invalid('proposed_times[0].start'));
  request('proposed_times.end_int64_max', times({ start: future.start, end: at('9223372036854775807') }), invalid('proposed_times[0].end'));
  request('every_field_at_once', {
    request_id: '', counterparts: [idA], topic: '', subject: '', body: 'b'.repeat(10_001), urgency: 42,
    acknowledge_within: { seconds: '-1', nanos: 0 }, proposed_times: [{ start: future.end, end: future.start }],
  }, invalid('request_id', 'counterparts[0]', 'topic', 'subject', 'body', 'urgency', 'acknowledge_within', 'proposed_times[0].end'));

  // Answers to a consultation, with their own fields.
  const decline = (name, reason) => probe(`DeclineConsultation.${name}`, b, 'DeclineConsultation',
    { request_id: requestId(), consultation_id: conId, reason }, invalid('reason'));
  decline('reason.empty', '');
  decline('reason.blank', '\n\n');
  decline('reason.2001_characters', 'r'.repeat(2001));
  decline('reason.control_character', 'No\u0000');
  decline('reason.lone_surrogate', 'No \uD800');
  const proposeTime = (name, proposed, expect) => probe(`ProposeTime.${name}`, b, 'ProposeTime',
    { request_id: requestId(), consultation_id: conId, proposed_times: proposed }, expect);
  proposeTime('proposed_times.none', [], invalid('proposed_times'));
  proposeTime('proposed_times.11', Array.from({ length: 11 }, (_, i) => windowFromNow(2 + i, 3 + i)), invalid('proposed_times'));
  proposeTime('proposed_times.end_before_start', [{ start: future.end, end: future.start }], invalid('proposed_times[0].end'));
  proposeTime('proposed_times.passed', [windowFromNow(-3, -2)], invalid('proposed_times[0].end'));
  proposeTime('proposed_times.start_missing', [{ end: future.end }], invalid('proposed_times[0].start'));
  proposeTime('proposed_times.end_after_year_9999', [{ start: future.start, end: at('253402300800') }], invalid('proposed_times[0].end'));
  proposeTime('proposed_times.start_negative_nanos', [{ start: at(future.start.seconds, -1), end: future.end }], invalid('proposed_times[0].start'));
  const withdraw = (name, reason) => probe(`WithdrawConsultation.${name}`, a, 'WithdrawConsultation',
    { request_id: requestId(), consultation_id: conId, reason }, invalid('reason'));
  withdraw('reason.empty', '');
  withdraw('reason.2001_characters', 'w'.repeat(2001));
  withdraw('reason.escape_sequence', 'Settled\u001b]0;pwned\u0007');
  const contest = (name, reason) => probe(`ContestClosure.${name}`, b, 'ContestClosure',
    { request_id: requestId(), consultation_id: open.id, reason }, invalid('reason'));
  contest('reason.empty', '');
  contest('reason.2001_characters', 'c'.repeat(2001));
  contest('reason.control_character', 'No\u0008');

  // Closure: the summary and the agreed actions (the consultation is OPEN and the caller its requester, so only the
  // field made bad stands between the request and a closure).
  const action = (extra = {}) => ({ organization_id: idB, action: 'keeps NODE-SAT-2 on its planned orbit', ...extra });
  const closure = (name, extra, expect) => probe(`ProposeClosure.${name}`, a, 'ProposeClosure',
    { request_id: requestId(), consultation_id: open.id, outcome_summary: 'We maneuver NODE-SAT-1.', actions: [action()], ...extra }, expect);
  closure('outcome_summary.empty', { outcome_summary: '' }, invalid('outcome_summary'));
  closure('outcome_summary.4001_characters', { outcome_summary: 'o'.repeat(4001) }, invalid('outcome_summary'));
  closure('outcome_summary.control_character', { outcome_summary: 'Agreed\u0000' }, invalid('outcome_summary'));
  closure('outcome_summary.lone_surrogate', { outcome_summary: 'Agreed \uDBFF' }, invalid('outcome_summary'));
  closure('actions.51', { actions: Array.from({ length: 51 }, () => action()) }, invalid('actions'));
  closure('actions.organization_id.empty', { actions: [action(), action({ organization_id: '' })] }, invalid('actions[1].organization_id'));
  closure('actions.organization_id.line_break', { actions: [action({ organization_id: `${idB}\n` })] }, invalid('actions[0].organization_id'));
  closure('actions.organization_id.not_a_party', { actions: [action({ organization_id: 'node-nobody-here' })] }, invalid('actions[0].organization_id'));
  closure('actions.action.empty', { actions: [action({ action: '' })] }, invalid('actions[0].action'));
  closure('actions.action.501_characters', { actions: [action({ action: 'a'.repeat(501) })] }, invalid('actions[0].action'));
  closure('actions.action.control_character', { actions: [action({ action: 'WILL\u0007' })] }, invalid('actions[0].action'));
  closure('actions.action.lone_surrogate', { actions: [action({ action: 'WILL \uD800 maneuver' })] }, invalid('actions[0].action'));
  closure('actions.due_by.negative_nanos', { actions: [action({ due_by: at(future.end.seconds, -1) })] }, invalid('actions[0].due_by'));
  closure('actions.due_by.after_year_9999', { actions: [action({ due_by: at('253402300800') })] }, invalid('actions[0].due_by'));
  closure('actions.due_by.year_1', { actions: [action({ due_by: at('-62135596800') })] }, invalid('actions[0].due_by'));

  // Listing.
  const list = (name, request, expect) => probe(`ListConsultations.${name}`, a, 'ListConsultations', request, expect);
  list('states.unspecified', { states: [0] }, invalid('states[0]'));
  list('states.unknown_99', { states: ['CONSULTATION_STATE_OPEN', 99] }, invalid('states[1]'));
  list('states.negative', { states: [-1] }, invalid('states[0]'));
  list('page_size.501', { page_size: 501 }, invalid('page_size'));
  list('page_size.4000000000', { page_size: 4_000_000_000 }, invalid('page_size'));
  list('page_token.forged', { page_token: 'AAAAAAAA' }, invalid('page_token'));
  list('page_token.not_base64', { page_token: '%%%\n' }, invalid('page_token'));
  list('page_token.10000_characters', { page_token: 'A'.repeat(10_000) }, invalid('page_token'));
  list('page_token.of_the_directory', { page_token: directoryPage.next_page_token }, invalid('page_token'));
  list('page_token.lone_surrogate', { page_token: 'AAAA\uD800' }, invalid('page_token'));

  // Direct lines.
  const badLineIds = {
    empty: '',
    chars_15: `${line.id.slice(0, -1)}`,
    chars_17: `${line.id}a`,
    upper_case: line.id.toUpperCase(),
    trailing_line_break: `${line.id}\n`,
    underscore: `DL-${'_'.repeat(16)}`,
    lower_case_prefix: `dl-${line.id.slice(3)}`,
    a_consultation_id: conId,
    chars_10000: `DL-${'a'.repeat(10_000)}`,
    lone_surrogate: `${line.id.slice(0, -1)}\uD800`,
  };
  for (const [label, id] of Object.entries(badLineIds)) {
    probe(`AcceptDirectLine.direct_line_id.${label}`, b, 'AcceptDirectLine', { request_id: requestId(), direct_line_id: id }, invalid('direct_line_id'));
    probe(`RingDirectLine.direct_line_id.${label}`, a, 'RingDirectLine', { request_id: requestId(), direct_line_id: id, subject: 'Call now' }, invalid('direct_line_id'));
  }
  probe('AcceptDirectLine.direct_line_id.never_issued', b, 'AcceptDirectLine', { request_id: requestId(), direct_line_id: 'DL-zzzzzzzzzzzzzzzz' }, notFound);
  probe('RingDirectLine.direct_line_id.never_issued', a, 'RingDirectLine', { request_id: requestId(), direct_line_id: 'DL-zzzzzzzzzzzzzzzz', subject: 'Call now' }, notFound);
  const propose = (name, extra, expect) => probe(`ProposeDirectLine.${name}`, b, 'ProposeDirectLine',
    { request_id: requestId(), counterpart: idA, purpose: 'GEO slot coordination', ...extra }, expect);
  propose('counterpart.empty', { counterpart: '' }, invalid('counterpart'));
  propose('counterpart.caller_itself', { counterpart: idB }, invalid('counterpart'));
  propose('counterpart.upper_case', { counterpart: idA.toUpperCase() }, invalid('counterpart'));
  propose('counterpart.trailing_line_break', { counterpart: `${idA}\n` }, invalid('counterpart'));
  propose('counterpart.unknown_organisation', { counterpart: 'node-nobody-here' }, invalid('counterpart'));
  propose('counterpart.10000_characters', { counterpart: 'c'.repeat(10_000) }, invalid('counterpart'));
  propose('counterpart.lone_surrogate', { counterpart: `${idA}\uDC00` }, invalid('counterpart'));
  propose('purpose.empty', { purpose: '' }, invalid('purpose'));
  propose('purpose.blank', { purpose: '\t' }, invalid('purpose'));
  propose('purpose.201_characters', { purpose: 'p'.repeat(201) }, invalid('purpose'));
  propose('purpose.control_character', { purpose: 'GEO\u0000' }, invalid('purpose'));
  propose('purpose.lone_surrogate', { purpose: 'GEO \uD800' }, invalid('purpose'));
  const ring = (name, extra, expect) => probe(`RingDirectLine.${name}`, a, 'RingDirectLine',
    { request_id: requestId(), direct_line_id: line.id, subject: 'Call now', ...extra }, expect);
  ring('subject.empty', { subject: '' }, invalid('subject'));
  ring('subject.201_characters', { subject: 's'.repeat(201) }, invalid('subject'));
  ring('subject.control_character', { subject: 'Call\u001b' }, invalid('subject'));
  ring('body.10001_characters', { body: 'b'.repeat(10_001) }, invalid('body'));
  ring('notification_id.a_consultation_id', { notification_id: conId }, invalid('notification_id'));
  ring('notification_id.other_kind_same_sequence', { notification_id: `RPO-${sequenceOf(notificationId)}` }, invalid('notification_id'));
  ring('notification_id.empty', { notification_id: '' }, invalid('notification_id'));
  ring('alert_id.well_formed', { alert_id: 'ALR-1' }, invalid('alert_id'));

  // Webhooks on the caller's contact points (operators.proto): absolute https, at most 2,048 printable ASCII
  // characters, a host, no user information, no fragment (plain http only to this machine, and only where allowed).
  const webhook = (name, url) => probe(`UpdateProfile.webhook_url.${name}`, b, 'UpdateProfile', {
    display_name: 'Node counterpart', kind: 'ORGANIZATION_KIND_OPERATOR',
    contacts: [{ role: 'CONTACT_ROLE_PRIMARY', name: 'Duty engineer', email: 'duty@example.org', webhook_url: url }],
  }, invalid('contacts[0].webhook_url'));
  webhook('plain_http', 'http://hooks.example.org/nx');
  webhook('user_information', 'https://user:secret@hooks.example.org/nx');
  webhook('fragment', 'https://hooks.example.org/nx#part');
  webhook('2049_characters', `https://hooks.example.org/${'a'.repeat(2049 - 'https://hooks.example.org/'.length)}`);
  webhook('trailing_line_break', 'https://hooks.example.org/nx\n');
  webhook('space_in_host', 'https://hooks example.org/nx');
  webhook('no_host', 'https:///nx');
  webhook('relative', '/nx');
  webhook('ftp', 'ftp://hooks.example.org/nx');
  webhook('javascript', 'javascript:alert(1)');
  webhook('non_ascii', 'https://hooks.example.org/é');
  webhook('lone_surrogate', 'https://hooks.example.org/\uD800');

  for (const { name, who, method, request: sent, expect } of probes) {
    const service = method === 'UpdateProfile' ? who.operators : who.consultations;
    print({ type: 'probe', name, method, expect, ...await unary(service, method, sent, who.apiKey) });
  }
  // RotateWebhookSecret takes nothing; what it gives is checked by the caller's test (shown once, nxwh_ and base64url).
  print({ type: 'webhook_secret', ...await unary(b.operators, 'RotateWebhookSecret', {}, b.apiKey) });
  print({ type: 'probes_done', count: probes.length });
  a.close();
  b.close();
  finish(0);
}

/** What a subscription message says, for printing and checking (heartbeats are left out: they say nothing here). */
function summariseMessage(message) {
  switch (message.message) {
    case 'event':
      return { kind: 'event', sequence: message.event.sequence, id: message.event.notification.id, event_type: message.event.event_type };
    case 'consultation_event': {
      const { sequence, event_type, actor, consultation } = message.consultation_event;
      return {
        kind: 'consultation_event', sequence, id: consultation.id, event_type, actor, state: consultation.state, version: consultation.version,
        transcript_sha256: consultation.closure ? consultation.closure.transcript_sha256 : null,
      };
    }
    case 'direct_line_event': {
      const { sequence, event_type, actor, direct_line } = message.direct_line_event;
      return { kind: 'direct_line_event', sequence, id: direct_line.id, event_type, actor, state: direct_line.state };
    }
    case 'unreadable': {
      const u = message.unreadable;
      return { kind: 'unreadable', sequence: u.sequence, id: u.consultation_id || u.direct_line_id || u.notification_id };
    }
    case 'caught_up':
      return { kind: 'caught_up', sequence: message.caught_up.sequence };
    case 'alert_event': {
      const { sequence, event_type, actor, alert } = message.alert_event;
      return {
        kind: 'alert_event', sequence, id: alert.id, event_type, actor, state: alert.state, version: alert.version,
        objects: [alert.primary, alert.secondary].map((o) => (o && o.object ? o.object.norad_cat_id : 0)),
        notification_id: alert.notification_id,
      };
    }
    default:
      return null;
  }
}

/**
 * Reads a Subscribe stream, keeping every message's summary in `seen`; `until(what, predicate)` waits (at most 30 s)
 * for what has been seen to satisfy the predicate, and fails naming `what` when the stream ends first.
 */
function watchSubscription(org, subscriptionId, resumeAfter) {
  const request = { subscription_id: subscriptionId };
  if (resumeAfter !== undefined) {
    request.resume_after_sequence = resumeAfter;
  }
  const watch = { seen: [], ended: null, waiters: [] };
  const settle = () => {
    for (const waiter of [...watch.waiters]) {
      if (waiter.predicate(watch.seen)) {
        watch.waiters.splice(watch.waiters.indexOf(waiter), 1);
        clearTimeout(waiter.timer);
        waiter.resolve();
      }
    }
  };
  const call = org.subscriptions.Subscribe(request, authorization(org.apiKey));
  call.on('data', (message) => {
    const summary = summariseMessage(message);
    if (summary !== null) {
      watch.seen.push(summary);
      settle();
    }
  });
  const end = (status) => {
    if (watch.ended === null) {
      watch.ended = describeStatus(status);
      for (const waiter of watch.waiters.splice(0)) {
        clearTimeout(waiter.timer);
        waiter.reject(new Error(`the stream ended (${watch.ended.code_name}: ${watch.ended.details}) before ${waiter.what}`));
      }
    }
  };
  call.on('error', end);
  call.on('status', end);
  watch.until = (what, predicate) => new Promise((resolve, reject) => {
    if (predicate(watch.seen)) {
      resolve();
      return;
    }
    if (watch.ended !== null) {
      reject(new Error(`the stream had ended (${watch.ended.code_name}) before ${what}`));
      return;
    }
    const waiter = { what, predicate, resolve, reject };
    waiter.timer = setTimeout(() => {
      watch.waiters.splice(watch.waiters.indexOf(waiter), 1);
      reject(new Error(`not within 30 s: ${what}; seen ${JSON.stringify(watch.seen.slice(-10))}`));
    }, 30_000);
    watch.waiters.push(waiter);
  });
  watch.caughtUp = () => watch.until('CaughtUp', (seen) => seen.some((s) => s.kind === 'caught_up'));
  watch.stop = () => {
    if (watch.ended === null) {
      watch.ended = { code_name: 'CANCELLED', details: 'stopped by this client' };
      call.cancel();
    }
  };
  return watch;
}

/**
 * RFC 8785 (JCS) written here from the RFC, sharing nothing with the exchange: members sorted by their names' UTF-16
 * code units, strings with the RFC's escapes only (the short forms, other controls as \u00xx in lower case, nothing
 * else escaped: not '/', not U+2028, not non-ASCII), numbers in ECMAScript's Number-to-String form (which JavaScript's
 * String(number) is), literals as they are. Lone surrogates are refused: I-JSON, which JCS requires, has none.
 */
function canonicalJson(value) {
  if (value === null || value === true || value === false) {
    return String(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new Error(`${value} has no JSON form`);
    }
    return Object.is(value, -0) ? '0' : String(value);
  }
  if (typeof value === 'string') {
    return canonicalString(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  const names = Object.keys(value).sort(compareUtf16);
  return `{${names.map((name) => `${canonicalString(name)}:${canonicalJson(value[name])}`).join(',')}}`;
}

function compareUtf16(left, right) {
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const difference = left.charCodeAt(i) - right.charCodeAt(i);
    if (difference !== 0) {
      return difference;
    }
  }
  return left.length - right.length;
}

function canonicalString(text) {
  const short = { 0x08: '\\b', 0x09: '\\t', 0x0a: '\\n', 0x0c: '\\f', 0x0d: '\\r', 0x22: '\\"', 0x5c: '\\\\' };
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (short[unit] !== undefined) {
      out += short[unit];
    } else if (unit < 0x20) {
      out += `\\u${unit.toString(16).padStart(4, '0')}`;
    } else if (unit >= 0xD800 && unit <= 0xDBFF && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xDC00 && text.charCodeAt(i + 1) <= 0xDFFF) {
      out += text[i] + text[i + 1];
      i++;
    } else if (unit >= 0xD800 && unit <= 0xDFFF) {
      throw new Error(`a lone surrogate (U+${unit.toString(16).toUpperCase()}) at ${i}`);
    } else {
      out += text[i];
    }
  }
  return `${out}"`;
}

function sha256Hex(text) {
  return crypto.createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');
}

/** A Timestamp as RFC 3339 UTC, the fraction without trailing zeros (none when whole), as the transcript writes times. */
function rfc3339(ts) {
  const whole = new Date(Number(ts.seconds) * 1000).toISOString().slice(0, 19);
  const fraction = ts.nanos ? `.${String(ts.nanos).padStart(9, '0').replace(/0+$/, '')}` : '';
  return `${whole}${fraction}Z`;
}

/**
 * `consult-flow`: a whole consultation from request to close between two organisations, each reading its own
 * subscription stream, then the transcript exported by both and its digest recomputed here.
 */
async function consultFlow(address, requesterKey, counterpartKey) {
  const a = organization(address, requesterKey);
  const b = organization(address, counterpartKey);
  const idA = await whoAmI(a);
  const idB = await whoAmI(b);
  const streams = {};
  for (const [side, org] of [['requester', a], ['counterpart', b]]) {
    const subscription = await must(org.subscriptions, 'CreateSubscription', { name: `node consultation flow (${side})` }, org.apiKey);
    streams[side] = watchSubscription(org, subscription.id);
  }
  await Promise.all(Object.values(streams).map((s) => s.caughtUp()));
  const notificationId = (await must(a.notifications, 'FileNotification', { request_id: requestId(), maneuver: maneuverNotice() }, a.apiKey)).notification.id;

  // Texts a careless canonicaliser gets wrong: quotes, backslashes, '/', HTML characters (System.Text.Json escapes
  // them by default, JCS must not), tabs and line breaks (escaped), U+2028 and U+2029 (not escaped), decomposed
  // accents (never normalised), characters outside the BMP, a byte order mark, the replacement character.
  const sent = {
    subject: 'Who moves? 🛰 "SENTINEL-1A" <vs> METOP-B & debris \\ 48274 / é',
    body: 'Pc 2.3e-4 at TCA 2026-12-03T04:05:06Z.\n\tWe propose that we maneuver.\r\nQuote " backslash \\ slash / <script>&amp;'
      + ' line\u2028separator paragraph\u2029separator, e\u0301 n\u0303 (decomposed), 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 (outside the BMP), \uFEFF, \uFFFD.',
    proposed_times: [windowFromNow(2, 3, 123_456_700)],
    acknowledge_within: { seconds: '7200', nanos: 500_000_000 },
    time_proposed: [windowFromNow(4, 5, 999_999_900)],
    outcome_summary: 'We maneuver SENTINEL-1A at 11:20Z (Δv 0.12 m/s); METOP-B holds.\nAgreed by phone 🛰.',
    actions: [
      { organization_id: idA, action: 'WILL maneuver SENTINEL-1A by 12:00Z', due_by: timestamp(new Date(Date.now() + 12 * 3600_000), 100) },
      { organization_id: idB, action: 'keeps METOP-B on its planned orbit "as is"' },
    ],
  };
  const answers = [];
  const step = async (who, org, method, request) => {
    const response = await must(org.consultations, method, request, org.apiKey);
    answers.push({ who, method, version: response.version, state: response.state });
    return response;
  };
  const requested = await step('requester', a, 'RequestConsultation', {
    request_id: requestId(), counterparts: [idB], notification_id: notificationId, subject: sent.subject, body: sent.body,
    urgency: 'CONSULTATION_URGENCY_PRIORITY', acknowledge_within: sent.acknowledge_within, proposed_times: sent.proposed_times,
  });
  const id = requested.id;
  await step('counterpart', b, 'AcknowledgeConsultation', { request_id: requestId(), consultation_id: id });
  await step('counterpart', b, 'ProposeTime', { request_id: requestId(), consultation_id: id, proposed_times: sent.time_proposed });
  await step('counterpart', b, 'AcceptConsultation', { request_id: requestId(), consultation_id: id });
  // While it is open, the export is a transcript of its own (state OPEN, no outcome), canonical and digested the same way.
  const openExport = await must(b.consultations, 'ExportTranscript', { consultation_id: id }, b.apiKey);
  const openCanonical = canonicalJson(JSON.parse(openExport.json));
  await step('requester', a, 'ProposeClosure', { request_id: requestId(), consultation_id: id, outcome_summary: sent.outcome_summary, actions: sent.actions });
  const closed = await step('counterpart', b, 'ConfirmClosure', { request_id: requestId(), consultation_id: id });

  const closedOn = (seen) => seen.some((s) => s.kind === 'consultation_event' && s.id === id && s.event_type === 'CONSULTATION_EVENT_TYPE_CLOSED');
  await Promise.all(Object.values(streams).map((s) => s.until(`the CLOSED event of ${id}`, closedOn)));
  for (const stream of Object.values(streams)) {
    stream.stop();
  }
  const events = (side) => streams[side].seen.filter((s) => s.kind === 'consultation_event' && s.id === id);
  print({
    type: 'flow', requester: idA, counterpart: idB, consultation_id: id, notification_id: notificationId, sent, answers,
    // The times as the transcript must write them (RFC 3339 UTC, no trailing zeros), from the Timestamps on the wire.
    requested: {
      // acknowledge_by less created_at, in seconds: the acknowledge_within sent (7,200.5 s) to the nanosecond.
      acknowledge_window_seconds: (Number(BigInt(requested.acknowledge_by.seconds) - BigInt(requested.created_at.seconds))
        + (requested.acknowledge_by.nanos - requested.created_at.nanos) / 1e9).toFixed(9),
      acknowledge_by: rfc3339(requested.acknowledge_by),
      created_at: rfc3339(requested.created_at),
      proposed_times: requested.proposed_times.map((w) => ({ start: rfc3339(w.start), end: rfc3339(w.end) })),
    },
    closed: closed.closure,
    stream_events: { requester: events('requester'), counterpart: events('counterpart') },
  });

  const exported = await must(a.consultations, 'ExportTranscript', { consultation_id: id }, a.apiKey);
  const exportedToCounterpart = await must(b.consultations, 'ExportTranscript', { consultation_id: id }, b.apiKey);
  const history = (await must(a.consultations, 'GetConsultation', { consultation_id: id }, a.apiKey)).history;
  const closedInHistory = history.find((e) => e.event_type === 'CONSULTATION_EVENT_TYPE_CLOSED');
  const parsed = JSON.parse(exported.json);
  const canonical = canonicalJson(parsed);
  const closedOnStream = events('requester').find((e) => e.event_type === 'CONSULTATION_EVENT_TYPE_CLOSED');
  print({
    type: 'transcript',
    consultation_id: id,
    exported_sha256: exported.sha256,
    recomputed_sha256: sha256Hex(canonical),
    // The export claims to be canonical already: re-canonicalising it must give the same text, to the character.
    canonical_equals_exported: canonical === exported.json,
    exported_sha256_of_its_json: sha256Hex(exported.json),
    closed_event_sha256: closedOnStream ? closedOnStream.transcript_sha256 : null,
    closed_event_sha256_counterpart: (events('counterpart').find((e) => e.event_type === 'CONSULTATION_EVENT_TYPE_CLOSED') || {}).transcript_sha256 || null,
    closed_answer_sha256: closed.closure ? closed.closure.transcript_sha256 : null,
    closed_history_sha256: closedInHistory ? closedInHistory.consultation.closure.transcript_sha256 : null,
    counterpart_export_identical: exportedToCounterpart.json === exported.json && exportedToCounterpart.sha256 === exported.sha256,
    text_mentions_digest: exported.text.includes(exported.sha256),
    json_length: exported.json.length,
    open_export: {
      state: JSON.parse(openExport.json).state,
      exported_sha256: openExport.sha256,
      recomputed_sha256: sha256Hex(openCanonical),
      canonical_equals_exported: openCanonical === openExport.json,
    },
    transcript: parsed,
  });
  a.close();
  b.close();
  finish(0);
}

/** A described status with `id` written as <id> (not where it is the start of a longer number), to compare shapes. */
function shapeOf(answer, id) {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return JSON.parse(JSON.stringify(answer).replace(new RegExp(`${escaped}(?![0-9a-z])`, 'g'), '<id>'));
}

/**
 * `consult-outsider`: A and B consult in every state and hold a direct line; C, a third organisation, tries every
 * call on them. Each of C's answers is printed beside the answer to the same call on an id never issued, with both
 * shapes (the id written as <id>). C's stream is replayed from 0 over all of it, then stays live while A and B go on
 * and C consults A on its own account (the proof that C's stream does carry consultation events: its own).
 */
async function consultOutsider(address, keyA, keyB, keyC) {
  const a = organization(address, keyA);
  const b = organization(address, keyB);
  const c = organization(address, keyC);
  const idA = await whoAmI(a);
  const idB = await whoAmI(b);
  const idC = await whoAmI(c);
  const subscription = await must(c.subscriptions, 'CreateSubscription',
    { name: 'node outsider: everything', start: 'START_POSITION_EARLIEST' }, c.apiKey);
  const notificationId = (await must(a.notifications, 'FileNotification', { request_id: requestId(), maneuver: maneuverNotice() }, a.apiKey)).notification.id;

  // A and B's consultations, one in each state C may meet.
  const ask = async () => (await must(a.consultations, 'RequestConsultation', {
    request_id: requestId(), counterparts: [idB], notification_id: notificationId, subject: 'Between us: who moves?',
    body: 'Not for anyone else.', urgency: 'CONSULTATION_URGENCY_ROUTINE',
  }, a.apiKey)).id;
  const answer = (org, method, id, extra = {}) => must(org.consultations, method, { request_id: requestId(), consultation_id: id, ...extra }, org.apiKey);
  const targets = {};
  targets.requested = await ask();
  targets.open = await ask();
  await answer(b, 'AcceptConsultation', targets.open);
  targets.closing = await ask();
  await answer(b, 'AcceptConsultation', targets.closing);
  await answer(a, 'ProposeClosure', targets.closing, { outcome_summary: 'A maneuvers.' });
  targets.closed = await ask();
  await answer(b, 'AcceptConsultation', targets.closed);
  await answer(a, 'ProposeClosure', targets.closed, { outcome_summary: 'A maneuvers.' });
  await answer(b, 'ConfirmClosure', targets.closed);
  targets.withdrawn = await ask();
  await answer(a, 'WithdrawConsultation', targets.withdrawn, { reason: 'Settled by phone' });
  targets.declined = await ask();
  await answer(b, 'DeclineConsultation', targets.declined, { reason: 'Not ours' });

  // C's attempts, each beside the same call on an id never issued.
  const neverIssued = 'CON-987654321';
  const attempts = {
    GetConsultation: (id) => ({ consultation_id: id }),
    ExportTranscript: (id) => ({ consultation_id: id }),
    AcknowledgeConsultation: (id) => ({ request_id: requestId(), consultation_id: id }),
    AcceptConsultation: (id) => ({ request_id: requestId(), consultation_id: id }),
    DeclineConsultation: (id) => ({ request_id: requestId(), consultation_id: id, reason: 'Not ours' }),
    ProposeTime: (id) => ({ request_id: requestId(), consultation_id: id, proposed_times: [windowFromNow(2, 3)] }),
    WithdrawConsultation: (id) => ({ request_id: requestId(), consultation_id: id, reason: 'Never mind' }),
    ProposeClosure: (id) => ({
      request_id: requestId(), consultation_id: id, outcome_summary: 'Closed by a stranger',
      actions: [{ organization_id: idA, action: 'WILL maneuver' }],
    }),
    ConfirmClosure: (id) => ({ request_id: requestId(), consultation_id: id }),
    ContestClosure: (id) => ({ request_id: requestId(), consultation_id: id, reason: 'Not agreed' }),
  };
  let count = 0;
  const attempt = async (name, method, request, id, referenceRequest, referenceId) => {
    const tried = await unary(c.consultations, method, request, c.apiKey);
    const reference = await unary(c.consultations, method, referenceRequest, c.apiKey);
    count++;
    print({
      type: 'probe', name, method, id, reference_id: referenceId, answer: tried, reference,
      shape: shapeOf(tried, id), reference_shape: shapeOf(reference, referenceId),
    });
  };
  for (const [method, build] of Object.entries(attempts)) {
    for (const [state, id] of Object.entries(targets)) {
      await attempt(`${method}.${state}`, method, build(id), id, build(neverIssued), neverIssued);
    }
  }

  // A and B's direct line: C tries to accept it while it is proposed, and to ring it once active.
  const line = await must(a.consultations, 'ProposeDirectLine', { request_id: requestId(), counterpart: idB, purpose: 'A and B only' }, a.apiKey);
  const neverLine = `DL-${crypto.randomBytes(16).map((byte) => '0123456789abcdefghijklmnopqrstuvwxyz'.charCodeAt(byte % 36)).toString('latin1')}`;
  const accept = (id) => ({ request_id: requestId(), direct_line_id: id });
  const ring = (id) => ({ request_id: requestId(), direct_line_id: id, subject: 'Let me in', notification_id: notificationId });
  await attempt('AcceptDirectLine.proposed', 'AcceptDirectLine', accept(line.id), line.id, accept(neverLine), neverLine);
  await attempt('RingDirectLine.proposed', 'RingDirectLine', ring(line.id), line.id, ring(neverLine), neverLine);
  await must(b.consultations, 'AcceptDirectLine', accept(line.id), b.apiKey);
  await attempt('AcceptDirectLine.active', 'AcceptDirectLine', accept(line.id), line.id, accept(neverLine), neverLine);
  await attempt('RingDirectLine.active', 'RingDirectLine', ring(line.id), line.id, ring(neverLine), neverLine);
  targets.rung = (await must(a.consultations, 'RingDirectLine', { request_id: requestId(), direct_line_id: line.id, subject: 'Now' }, a.apiKey)).id;
  for (const [method, build] of Object.entries(attempts)) {
    await attempt(`${method}.rung`, method, build(targets.rung), targets.rung, build(neverIssued), neverIssued);
  }
  // The sequence of a notification is no consultation's: CON- and it is an id never issued, too.
  const notificationSequence = `CON-${sequenceOf(notificationId)}`;
  await attempt('GetConsultation.sequence_of_a_notification', 'GetConsultation', attempts.GetConsultation(notificationSequence),
    notificationSequence, attempts.GetConsultation(neverIssued), neverIssued);

  // C's stream: replayed from 0 over everything above, then live.
  const stream = watchSubscription(c, subscription.id, '0');
  await stream.caughtUp();
  // Live: A and B go on (a new consultation and answers, an answer on an old one); C consults A (its own, which its
  // stream must carry) and proposes a line to A, which A accepts; then A files a notice, which C must receive after
  // everything before it.
  const later = await ask();
  await answer(b, 'AcknowledgeConsultation', later);
  await answer(b, 'AcceptConsultation', later);
  await answer(b, 'AcknowledgeConsultation', targets.requested);
  const own = (await must(c.consultations, 'RequestConsultation', {
    request_id: requestId(), counterparts: [idA], topic: 'Our own business', subject: 'C asks A', urgency: 'CONSULTATION_URGENCY_ROUTINE',
  }, c.apiKey)).id;
  await answer(a, 'AcceptConsultation', own);
  const ownLine = await must(c.consultations, 'ProposeDirectLine', { request_id: requestId(), counterpart: idA, purpose: 'C and A' }, c.apiKey);
  await must(a.consultations, 'AcceptDirectLine', accept(ownLine.id), a.apiKey);
  const marker = (await must(a.notifications, 'FileNotification', { request_id: requestId(), maneuver: maneuverNotice() }, a.apiKey)).notification.id;
  await stream.until(`the notification ${marker} filed last`, (seen) => seen.some((s) => s.kind === 'event' && s.id === marker));
  stream.stop();

  const listed = await unary(c.consultations, 'ListConsultations', {}, c.apiKey);
  const lines = await unary(c.consultations, 'ListDirectLines', {}, c.apiKey);
  print({
    type: 'stream', outsider: idC, parties: [idA, idB], targets: { ...targets, later }, direct_line_id: line.id,
    own_consultation_id: own, own_direct_line_id: ownLine.id, first_notification_id: notificationId, marker_notification_id: marker,
    seen: stream.seen, ended: stream.ended, listed, direct_lines: lines,
  });
  print({ type: 'probes_done', count });
  for (const org of [a, b, c]) {
    org.close();
  }
  finish(0);
}

// ---------------------------------------------------------------------------------------------------------------------
// The object registry, the catalogue and alerts (alerts.proto, subscriptions.proto AlertFilter), as an outsider reads
// the contract.
// ---------------------------------------------------------------------------------------------------------------------

/** ISS's element set of 2022-07-15 (as published), the orbit every registration here is built from. */
const ISS_TLE_LINE1 = '1 25544U 98067A   22196.51021208  .00006684  00000-0  12517-3 0  9992';
const ISS_TLE_LINE2 = '2 25544  51.6398 196.3106 0004941  13.7716  97.3744 15.49958191349577';

/** The TLE checksum: digits summed, a minus sign counting 1, modulo 10 (written here from the format's definition). */
function tleChecksum(line68) {
  let sum = 0;
  for (const ch of line68) {
    if (ch >= '0' && ch <= '9') {
      sum += ch.charCodeAt(0) - 48;
    } else if (ch === '-') {
      sum += 1;
    }
  }
  return String(sum % 10);
}

/** A catalogue number in the TLE's five columns: digits, or Alpha-5 (a letter other than I and O, then four digits). */
function tleNumber(norad) {
  if (norad < 100_000) {
    return String(norad).padStart(5, '0');
  }
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  return letters[Math.floor(norad / 10_000) - 10] + String(norad % 10_000).padStart(4, '0');
}

/** ISS's element set under another catalogue number, checksums made right. */
function tleFor(norad, name) {
  const number = tleNumber(norad);
  const line1 = `1 ${number}${ISS_TLE_LINE1.slice(7, 68)}`;
  const line2 = `2 ${number}${ISS_TLE_LINE2.slice(7, 68)}`;
  const tle = { line1: line1 + tleChecksum(line1), line2: line2 + tleChecksum(line2) };
  return name === undefined ? tle : { ...tle, name };
}

function ommFor(norad, extra = {}) {
  const fields = {
    CCSDS_OMM_VERS: '2.0', CREATION_DATE: '2022-07-15T00:00:00', ORIGINATOR: 'NODE OUTSIDER', OBJECT_NAME: 'NODE OBJECT',
    OBJECT_ID: '1998-067A', CENTER_NAME: 'EARTH', REF_FRAME: 'TEME', TIME_SYSTEM: 'UTC', MEAN_ELEMENT_THEORY: 'SGP4',
    EPOCH: '2022-07-15T12:14:42.323712', MEAN_MOTION: '15.49958191', ECCENTRICITY: '.0004941', INCLINATION: '51.6398',
    RA_OF_ASC_NODE: '196.3106', ARG_OF_PERICENTER: '13.7716', MEAN_ANOMALY: '97.3744', EPHEMERIS_TYPE: '0',
    CLASSIFICATION_TYPE: 'U', NORAD_CAT_ID: String(norad), ELEMENT_SET_NO: '999', REV_AT_EPOCH: '34957',
    BSTAR: '.12517E-3', MEAN_MOTION_DOT: '.6684E-4', MEAN_MOTION_DDOT: '0', ...extra,
  };
  return Object.entries(fields).filter(([, v]) => v !== undefined).map(([k, v]) => `${k} = ${v}`).join('\n') + '\n';
}

/** A CelesTrak OMM JSON entry of ISS's elements under `norad`, with `extra` written in as raw JSON text. */
function celestrakJson(entries) {
  return '[' + entries.map(({ norad, raw = {} }) => {
    const fields = {
      OBJECT_NAME: '"NODE JSON"', OBJECT_ID: '"1998-067A"', EPOCH: '"2022-07-15T12:14:42.323712"', MEAN_MOTION: '15.49958191',
      ECCENTRICITY: '0.0004941', INCLINATION: '51.6398', RA_OF_ASC_NODE: '196.3106', ARG_OF_PERICENTER: '13.7716',
      MEAN_ANOMALY: '97.3744', EPHEMERIS_TYPE: '0', CLASSIFICATION_TYPE: '"U"', NORAD_CAT_ID: String(norad), ELEMENT_SET_NO: '999',
      REV_AT_EPOCH: '34957', BSTAR: '0.00012517', MEAN_MOTION_DOT: '6.684e-5', MEAN_MOTION_DDOT: '0', ...raw,
    };
    return '{' + Object.entries(fields).map(([k, v]) => `"${k}":${v}`).join(',') + '}';
  }).join(',') + ']';
}

/** A double as JSON can carry it (NaN, the infinities and -0 spelled out). */
function jsonDouble(value) {
  if (Number.isNaN(value)) {
    return 'NaN';
  }
  if (!Number.isFinite(value)) {
    return value > 0 ? 'Infinity' : '-Infinity';
  }
  return Object.is(value, -0) ? '-0' : value;
}

/** Bytes that are no text, as the string a careless client builds from them (each byte a Latin-1 character). */
function binaryJunk(length, seed) {
  const bytes = crypto.createHash('sha256').update(String(seed)).digest();
  let junk = '';
  for (let i = 0; i < length; i++) {
    junk += String.fromCharCode(bytes[i % bytes.length] ^ (i * 31 & 0xff));
  }
  return junk;
}

/** What a registration sent should read back as (RegisteredObject), from the request alone. */
function expectedRegistration(request, operatorId) {
  const orbit = request.orbit || {};
  const which = ['tle', 'omm', 'oem'].find((k) => orbit[k] !== undefined && orbit[k] !== null);
  return {
    norad_cat_id: request.object.norad_cat_id,
    cospar_id: request.object.cospar_id || '',
    name: request.object.name || '',
    operator_id: operatorId,
    maneuverable: Boolean(request.maneuverable),
    hard_body_radius_m: jsonDouble(request.hard_body_radius_m),
    sharing: !request.sharing || request.sharing === 'SHARING_POLICY_UNSPECIFIED' ? 'SHARING_POLICY_DERIVED_ONLY' : request.sharing,
    orbit: which === 'tle' ? { tle: { line1: orbit.tle.line1, line2: orbit.tle.line2 } } : { [which]: orbit[which] },
  };
}

/** The same fields of a RegisteredObject as read back. */
function readRegistration(registered) {
  const orbit = registered.orbit || {};
  return {
    norad_cat_id: registered.object.norad_cat_id,
    cospar_id: registered.object.cospar_id,
    name: registered.object.name,
    operator_id: registered.operator_id,
    maneuverable: registered.maneuverable,
    hard_body_radius_m: jsonDouble(registered.hard_body_radius_m),
    sharing: registered.sharing,
    orbit: orbit.data === 'tle' ? { tle: { line1: orbit.tle.line1, line2: orbit.tle.line2 } } : orbit.data ? { [orbit.data]: orbit[orbit.data] } : null,
  };
}

/** All pages of ListObjects for one operator. */
async function listAllObjects(org, operatorId) {
  const objects = [];
  let token = '';
  do {
    const page = await must(org.registry, 'ListObjects', { operator_id: operatorId, page_size: 500, page_token: token }, org.apiKey);
    objects.push(...page.objects);
    token = page.next_page_token;
  } while (token !== '');
  return objects;
}

/**
 * `registry-hostile`. Each probe names the wire path it makes bad (`field`, null where the value is odd but valid) and
 * what this client expects from the contract where the contract says (`expect`: a code and the fields named; null where
 * either acceptance or a refusal by that field is a fair reading). The test holds every answer to: OK or a client's
 * error, never UNKNOWN or INTERNAL; INVALID_ARGUMENT with a BadRequest naming `field`; what was accepted reads back.
 */
async function registryHostile(address, adminKey, keyA, keyB) {
  const admin = organization(address, adminKey);
  const a = organization(address, keyA);
  const b = organization(address, keyB);
  const idA = await whoAmI(a);
  const idB = await whoAmI(b);
  let next = 63_000;
  const fresh = () => ++next;
  // A registration to spell hostile values from, and a pending claim (B's) on it.
  const held = fresh();
  await must(a.registry, 'RegisterObject', { request_id: requestId(), object: { norad_cat_id: held, name: 'NODE HELD' }, hard_body_radius_m: 5, orbit: { tle: tleFor(held) } }, a.apiKey);
  const claimAnswer = await unary(b.registry, 'RegisterObject', { request_id: requestId(), object: { norad_cat_id: held }, hard_body_radius_m: 3, orbit: { tle: tleFor(held) } }, b.apiKey);
  const claims = await must(admin.registry, 'ListObjectClaims', {}, admin.apiKey);
  const claim = claims.claims.find((c) => c.norad_cat_id === held);
  if (!claim) {
    throw new Error(`B's claim on ${held} was not listed: ${JSON.stringify(claimAnswer)}`);
  }
  // Page tokens of real listings, to forge and tamper with.
  await must(a.registry, 'RegisterObject', { request_id: requestId(), object: { norad_cat_id: fresh() }, hard_body_radius_m: 5, orbit: { tle: tleFor(next) } }, a.apiKey);
  const objectsPage = await must(a.registry, 'ListObjects', { operator_id: idA, page_size: 1 }, a.apiKey);
  const directoryPage = await must(a.operators, 'ListDirectory', { page_size: 1 }, a.apiKey);
  print({ type: 'setup', a: idA, b: idB, held, claim_id: claim.id, objects_page_token: objectsPage.next_page_token, directory_page_token: directoryPage.next_page_token });

  const invalid = (...fields) => ({ code: 'INVALID_ARGUMENT', fields });
  const ok = { code: 'OK', fields: [] };
  const notFound = { code: 'NOT_FOUND', fields: [] };
  const denied = { code: 'PERMISSION_DENIED', fields: [] };
  let count = 0;
  const report = (name, method, field, expect, answer, extra = {}) => {
    count++;
    print({ type: 'probe', name, method, field, expect, ...answer, ...extra });
  };

  // RegisterObject: A registers a fresh object with one field made hostile; what is accepted is read back by A (GetObject,
  // ListObjects) and compared with what was sent.
  const registration = (norad, extra = {}) => ({
    request_id: requestId(), object: { norad_cat_id: norad, cospar_id: '1998-067A', name: 'NODE OBJECT' }, maneuverable: true,
    hard_body_radius_m: 5, orbit: { tle: tleFor(norad) }, sharing: 'SHARING_POLICY_DERIVED_ONLY', ...extra,
  });
  const register = async (name, field, expect, build) => {
    const norad = fresh();
    const request = build(norad);
    const answer = await unary(a.registry, 'RegisterObject', request, a.apiKey);
    const extra = {};
    const asked = request.object && request.object.norad_cat_id;
    if (answer.ok) {
      const sent = expectedRegistration(request, idA);
      const got = await unary(a.registry, 'GetObject', { norad_cat_id: asked }, a.apiKey);
      const listed = (await listAllObjects(a, idA)).find((o) => o.object.norad_cat_id === asked);
      extra.sent = sent;
      extra.answered = readRegistration(answer.response);
      extra.read_back = got.ok ? readRegistration(got.response) : got;
      extra.listed = listed ? readRegistration(listed) : null;
      extra.read_back_equal = [extra.answered, extra.read_back, extra.listed].every((r) => JSON.stringify(r) === JSON.stringify(sent));
    } else if (Number.isInteger(asked) && asked > 0 && asked <= 339_999) {
      // Refused: nothing of it was registered.
      const got = await unary(a.registry, 'GetObject', { norad_cat_id: asked }, a.apiKey);
      extra.left_nothing = !got.ok && got.status.code_name === 'NOT_FOUND';
    }
    report(`RegisterObject.${name}`, 'RegisterObject', field, expect, answer, extra);
  };
  const badRequestIds = {
    empty: '', chars_65: 'r'.repeat(65), chars_10000: 'r'.repeat(10_000), line_break: 'id\r\nX-Injected: 1',
    control_characters: 'retry\u0000\u0007\u001b[2J', lone_surrogate: 'id-\uDC00', non_bmp: 'id-🛰',
  };
  for (const [label, id] of Object.entries(badRequestIds)) {
    await register(`request_id.${label}`, 'request_id', invalid('request_id'), (n) => registration(n, { request_id: id }));
  }
  await register('object.missing', 'object', null, (n) => ({ ...registration(n), object: undefined }));
  for (const [label, norad] of Object.entries({ zero: 0, beyond_alpha5: 340_000, uint32_max: 4_294_967_295, int32_min_as_uint: 2_147_483_648 })) {
    await register(`object.norad_cat_id.${label}`, 'object.norad_cat_id', null, () => registration(norad, { orbit: { tle: tleFor(12345) } }));
  }
  await register('object.norad_cat_id.alpha5', null, ok, () => { const n = 270_000 + fresh(); return registration(n, { orbit: { tle: tleFor(n) } }); });
  const objectText = {
    'cospar_id.10000_characters': ['cospar_id', '1'.repeat(10_000)],
    'cospar_id.line_break': ['cospar_id', '1998-067A\n'],
    'cospar_id.nul': ['cospar_id', '1998-067A\u0000'],
    'cospar_id.lone_surrogate': ['cospar_id', '1998-\uD800067A'],
    'name.10000_characters': ['name', 'n'.repeat(10_000)],
    'name.nul': ['name', 'NODE\u0000OBJECT'],
    'name.escape_sequence': ['name', 'NODE\u001b[2J'],
    'name.lone_surrogate': ['name', 'NODE \uDFFF'],
  };
  for (const [label, [key, value]] of Object.entries(objectText)) {
    await register(`object.${label}`, `object.${key}`, invalid(`object.${key}`), (n) => {
      const r = registration(n);
      r.object[key] = value;
      return r;
    });
  }
  await register('object.name.non_ascii', null, ok, (n) => { const r = registration(n); r.object.name = 'Спутник 🛰 e\u0301'; return r; });
  await register('object.cospar_id.empty', null, ok, (n) => { const r = registration(n); r.object.cospar_id = ''; return r; });
  const radii = {
    nan: [NaN, false], infinity: [Infinity, false], minus_infinity: [-Infinity, false], '1e309': [1e309, false], zero: [0, false],
    negative_zero: [-0, false], negative: [-1, false], above_1000: [1000.0000000001, false], largest_double: [Number.MAX_VALUE, false],
    smallest_positive: [5e-324, true], exactly_1000: [1000, true], 'point_1_plus_point_2': [0.1 + 0.2, true],
  };
  for (const [label, [radius, valid]] of Object.entries(radii)) {
    await register(`hard_body_radius_m.${label}`, valid ? null : 'hard_body_radius_m', valid ? ok : invalid('hard_body_radius_m'),
      (n) => registration(n, { hard_body_radius_m: radius }));
  }
  for (const [label, sharing] of Object.entries({ unknown_99: 99, negative: -1, int32_max: 2_147_483_647 })) {
    await register(`sharing.${label}`, 'sharing', invalid('sharing'), (n) => registration(n, { sharing }));
  }
  await register('sharing.unspecified', null, ok, (n) => registration(n, { sharing: 'SHARING_POLICY_UNSPECIFIED' }));
  await register('orbit.missing', 'orbit', invalid('orbit'), (n) => registration(n, { orbit: undefined }));
  await register('orbit.empty', 'orbit', invalid('orbit'), (n) => registration(n, { orbit: {} }));
  const tleCases = {
    'line1.empty': (t) => ({ ...t, line1: '' }),
    'line1.crlf': (t) => ({ ...t, line1: `${t.line1}\r\n` }),
    'line1.10000_characters': (t) => ({ ...t, line1: t.line1 + ' '.repeat(10_000) }),
    'line1.nul': (t) => ({ ...t, line1: `${t.line1.slice(0, 20)}\u0000${t.line1.slice(21)}` }),
    'line1.bad_checksum': (t) => ({ ...t, line1: t.line1.slice(0, 68) + String((Number(t.line1[68]) + 1) % 10) }),
    'line1.binary_junk': (t) => ({ ...t, line1: binaryJunk(69, 'line1') }),
    'line1.fullwidth_digits': (t) => ({ ...t, line1: t.line1.replace(/[0-9]/g, (d) => String.fromCharCode(0xFF10 + Number(d))) }),
    'line2.lone_surrogate': (t) => ({ ...t, line2: `${t.line2.slice(0, 68)}\uD800` }),
    'line2.empty': (t) => ({ ...t, line2: '' }),
    'line2.other_object': (t) => ({ ...t, line2: tleFor(99_998).line2 }),
    'lines_swapped': (t) => ({ line1: t.line2, line2: t.line1 }),
  };
  for (const [label, change] of Object.entries(tleCases)) {
    const field = label === 'lines_swapped' ? 'orbit.tle' : `orbit.tle.${label.split('.')[0]}`;
    await register(`orbit.tle.${label}`, field, null, (n) => registration(n, { orbit: { tle: change(tleFor(n)) } }));
  }
  await register('orbit.tle.other_catalogue_number', 'orbit.tle', null, (n) => registration(n, { orbit: { tle: tleFor(12_345) } }));
  const ommCases = {
    binary_junk: () => binaryJunk(4096, 'omm'),
    nul_bytes: (n) => ommFor(n).replace(/\n/g, '\u0000\n'),
    garbage_10000_lines: () => Array.from({ length: 10_000 }, (_, i) => `GARBAGE_${i} = ${'x'.repeat(i % 97)} \u00e9\u00a0`).join('\n'),
    mean_motion_nan: (n) => ommFor(n, { MEAN_MOTION: 'NaN' }),
    mean_motion_1e309: (n) => ommFor(n, { MEAN_MOTION: '1e309' }),
    eccentricity_infinity: (n) => ommFor(n, { ECCENTRICITY: 'Infinity' }),
    eccentricity_above_1: (n) => ommFor(n, { ECCENTRICITY: '1.5' }),
    epoch_year_99999: (n) => ommFor(n, { EPOCH: '99999-07-15T12:14:42' }),
    norad_cat_id_other: () => ommFor(12_345),
    norad_cat_id_huge: () => ommFor('99999999999999999999999'),
    frame_itrf: (n) => ommFor(n, { REF_FRAME: 'ITRF2000' }),
    theory_not_sgp4: (n) => ommFor(n, { MEAN_ELEMENT_THEORY: 'DSST' }),
    crlf_line_endings: (n) => ommFor(n).replace(/\n/g, '\r\n'),
    latin1_mojibake_name: (n) => ommFor(n, { OBJECT_NAME: 'SAT\u00c3\u00a9LITE \u00ff\u00fe' }),
    byte_order_mark: (n) => `\uFEFF${ommFor(n)}`,
    xml_external_entity: (n) => `<?xml version="1.0"?>\n<!DOCTYPE omm [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<omm id="CCSDS_OMM_VERS" version="2.0"><header><CREATION_DATE>&x;</CREATION_DATE><ORIGINATOR>N</ORIGINATOR></header><body><segment><metadata><OBJECT_NAME>&x;</OBJECT_NAME><NORAD_CAT_ID>${n}</NORAD_CAT_ID></metadata></segment></body></omm>`,
    xml_billion_laughs: () => `<?xml version="1.0"?>\n<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">]>\n<omm>&g;&g;&g;&g;&g;</omm>`,
  };
  for (const [label, build] of Object.entries(ommCases)) {
    const valid = ['crlf_line_endings', 'latin1_mojibake_name', 'byte_order_mark'].includes(label);
    await register(`orbit.omm.${label}`, valid ? null : 'orbit.omm', valid ? null : invalid('orbit.omm'), (n) => registration(n, { orbit: { omm: build(n) } }));
  }
  await register('orbit.omm.valid', null, ok, (n) => registration(n, { orbit: { omm: ommFor(n) } }));
  const oem = (body, frame = 'EME2000') => `CCSDS_OEM_VERS = 2.0\nCREATION_DATE = 2022-07-15T00:00:00\nORIGINATOR = NODE\nMETA_START\nOBJECT_NAME = NODE OBJECT\nOBJECT_ID = 1998-067A\nCENTER_NAME = EARTH\nREF_FRAME = ${frame}\nTIME_SYSTEM = UTC\nSTART_TIME = 2022-07-15T12:00:00\nSTOP_TIME = 2022-07-15T12:03:00\nMETA_STOP\n${body}`;
  // four states: screening interpolates an ephemeris (Hermite of degree 7 needs four)
  const states = '2022-07-15T12:00:00 6778.0000 0.0000 0.0000 0.000000 4.763358 6.009862\n2022-07-15T12:01:00 6762.3886 285.5820 360.3149 -0.520179 4.752387 5.996020\n2022-07-15T12:02:00 6715.6265 569.8485 718.9699 -1.037961 4.719524 5.954557\n2022-07-15T12:03:00 6637.9289 851.4900 1074.3131 -1.550963 4.664921 5.885665\n';
  const oemCases = {
    binary_junk: () => binaryJunk(2048, 'oem'),
    state_nan: () => oem('2022-07-15T12:00:00 NaN 0.0 0.0 0.0 4.7628 6.0141\n2022-07-15T12:01:00 6765.9 285.6 360.6 -0.4031 4.7544 6.0035\n'),
    state_1e309: () => oem('2022-07-15T12:00:00 1e309 0.0 0.0 0.0 4.7628 6.0141\n2022-07-15T12:01:00 6765.9 285.6 360.6 -0.4031 4.7544 6.0035\n'),
    states_out_of_order: () => oem('2022-07-15T12:01:00 6765.9 285.6 360.6 -0.4031 4.7544 6.0035\n2022-07-15T12:00:00 6778.0 0.0 0.0 0.0 4.7628 6.0141\n'),
    no_states: () => oem(''),
    inside_the_earth: () => oem('2022-07-15T12:00:00 10.0 0.0 0.0 0.0 4.7628 6.0141\n2022-07-15T12:01:00 10.0 285.6 360.6 -0.4031 4.7544 6.0035\n'),
    frame_itrf: () => oem(states, 'ITRF2000'),
    garbage_10000_lines: () => oem(Array.from({ length: 10_000 }, (_, i) => `${i} ${'z'.repeat(i % 50)}`).join('\n')),
  };
  for (const [label, build] of Object.entries(oemCases)) {
    // A radius of 10 km is well-formed: whether it is refused is the exchange's call (either answer is fair).
    await register(`orbit.oem.${label}`, 'orbit.oem', label === 'inside_the_earth' ? null : invalid('orbit.oem'), (n) => registration(n, { orbit: { oem: build(n) } }));
  }
  await register('orbit.oem.crlf_valid', null, ok, (n) => registration(n, { orbit: { oem: oem(states).replace(/\n/g, '\r\n') } }));

  // ResolveObjectClaim, by the administrator, on B's pending claim (each probe must leave it pending).
  const resolve = (extra) => ({ request_id: requestId(), claim_id: claim.id, award: true, note: 'Node probe', ...extra });
  const resolveProbe = async (name, field, expect, request, who = admin) =>
    report(`ResolveObjectClaim.${name}`, 'ResolveObjectClaim', field, expect, await unary(who.registry, 'ResolveObjectClaim', request, who.apiKey));
  for (const [label, id] of Object.entries(badRequestIds)) {
    await resolveProbe(`request_id.${label}`, 'request_id', invalid('request_id'), resolve({ request_id: id }));
  }
  const badClaimIds = {
    empty: ['', invalid('claim_id')], nul: [`${claim.id}\u0000`, null], trailing_line_break: [`${claim.id}\n`, null],
    upper_case: [claim.id.toUpperCase(), null], chars_10000: [`CLM-${'a'.repeat(10_000)}`, null], lone_surrogate: [`${claim.id}\uD800`, null],
    well_formed_never_issued: ['CLM-0123456789abcdef', notFound], a_notification_id: ['MNV-1', null], sql_quote: ["CLM-' OR '1'='1", null],
  };
  for (const [label, [id, expect]] of Object.entries(badClaimIds)) {
    await resolveProbe(`claim_id.${label}`, expect && expect.code === 'NOT_FOUND' ? null : 'claim_id', expect, resolve({ claim_id: id }));
  }
  const badNotes = {
    empty: '', blank: ' \t ', chars_2001: 'n'.repeat(2001), chars_1000000: 'n'.repeat(1_000_000), lone_surrogate: 'ok \uDC00',
    escape_sequence: 'note\u001b[2J', nul: 'note\u0000',
  };
  for (const [label, note] of Object.entries(badNotes)) {
    await resolveProbe(`note.${label}`, 'note', invalid('note'), resolve({ note }));
  }
  await resolveProbe('not_an_administrator', null, denied, resolve({}), a);
  const stillPending = (await must(admin.registry, 'ListObjectClaims', {}, admin.apiKey)).claims.find((c) => c.id === claim.id);

  // LoadCatalogue, by the administrator; what it accepts must be what GetCatalogueStatus reports as the last load.
  const load = async (name, field, expect, request, who = admin) => {
    const full = { request_id: requestId(), source: `node ${name}`, ...request };
    const answer = await unary(who.registry, 'LoadCatalogue', full, who.apiKey);
    const extra = {};
    if (answer.ok) {
      const status = await must(admin.registry, 'GetCatalogueStatus', {}, admin.apiKey);
      const { replayed, ...report } = answer.response;
      extra.report_summary = { format: report.format, total: report.total, added: report.added.length, rejected: report.rejected.slice(0, 5) };
      extra.status = { objects: status.objects, last_load_id: status.last_load && status.last_load.load_id, load_id: report.load_id };
      extra.read_back_equal = status.last_load !== null && JSON.stringify({ ...status.last_load, replayed: false }) === JSON.stringify({ ...report, replayed: false });
    }
    report(`LoadCatalogue.${name}`, 'LoadCatalogue', field, expect, answer, extra);
  };
  const threeLe = (numbers, eol = '\n') => numbers.map((n) => { const t = tleFor(n); return [`0 NODE CAT ${n}`, t.line1, t.line2].join(eol); }).join(eol) + eol;
  for (const [label, id] of Object.entries(badRequestIds)) {
    await load(`request_id.${label}`, 'request_id', invalid('request_id'), { request_id: id, content: threeLe([64_001]) });
  }
  await load('content.binary_junk', 'content', invalid('content'), { content: binaryJunk(65_536, 'catalogue') });
  await load('content.nul_bytes', 'content', invalid('content'), { content: '\u0000'.repeat(4096) });
  await load('content.nul_between_entries', null, null, { content: threeLe([64_002]) + '\u0000\u0000\n' + threeLe([64_003]) });
  await load('content.garbage_10000_lines', 'content', invalid('content'),
    { content: Array.from({ length: 10_000 }, (_, i) => `${i % 3} garbage line ${i} ${binaryJunk(i % 40, i).replace(/[\r\n]/g, '')}`).join('\n') });
  await load('content.garbage_10000_lines_and_one_valid_entry', null, ok,
    { content: Array.from({ length: 10_000 }, (_, i) => `garbage ${i}`).join('\n') + '\n' + threeLe([64_004]) });
  await load('content.three_line_crlf', null, ok, { content: threeLe([64_005, 64_006, 64_007], '\r\n') });
  await load('content.three_line_mixed_encodings', null, null, {
    content: ['0 CAF\u00c9 LATIN1 AS UTF8', ...Object.values(tleFor(64_008)), '0 \u00c3\u00a9MOJIBAKE', ...Object.values(tleFor(64_009)),
      '\uFEFF0 BOM INSIDE', ...Object.values(tleFor(64_010)), '0 \uD83D\uDEF0 SAT', ...Object.values(tleFor(64_011))].join('\n') + '\n',
  });
  await load('content.celestrak_json_nan', null, null, { content: celestrakJson([{ norad: 64_012, raw: { MEAN_MOTION: 'NaN' } }, { norad: 64_013 }]) });
  await load('content.celestrak_json_1e309', null, null, { content: celestrakJson([{ norad: 64_014, raw: { ECCENTRICITY: '1e309' } }, { norad: 64_015 }]) });
  await load('content.celestrak_json_minus_1e309', null, null, { content: celestrakJson([{ norad: 64_016, raw: { INCLINATION: '-1e309' } }, { norad: 64_017 }]) });
  await load('content.celestrak_json_only_nan', 'content', null, { content: celestrakJson([{ norad: 64_018, raw: { MEAN_MOTION: 'NaN', BSTAR: 'Infinity' } }]) });
  await load('content.celestrak_json_norad_huge', null, null, { content: celestrakJson([{ norad: '1e309' }, { norad: 64_019 }]) });
  await load('content.celestrak_json_truncated', 'content', invalid('content'), { content: celestrakJson([{ norad: 64_020 }]).slice(0, 200) });
  await load('content.celestrak_json_deeply_nested', 'content', invalid('content'), { content: '['.repeat(100_000) + ']'.repeat(100_000) });
  await load('content.empty_and_path_empty', 'content', invalid('content'), { content: '' });
  await load('content_and_path', null, null, { content: threeLe([64_021]), path: '/tmp/catalogue.tle' });
  const paths = {
    etc_passwd: '/etc/passwd', traversal: '../../../../../../etc/shadow', nul: '/tmp/x\u0000.tle', not_there: '/nonexistent/node-outsider.tle',
    directory: '/', chars_10000: `/${'p'.repeat(10_000)}`, proc_self_environ: '/proc/self/environ', line_break: '/tmp/x.tle\n',
  };
  for (const [label, path] of Object.entries(paths)) {
    await load(`path.${label}`, 'path', null, { path });
  }
  const badSources = { chars_201: 's'.repeat(201), chars_10000: 's'.repeat(10_000), line_break: 'space-track\r\nX: 1', nul: 'src\u0000', lone_surrogate: 'src \uD800' };
  for (const [label, source] of Object.entries(badSources)) {
    await load(`source.${label}`, 'source', invalid('source'), { content: threeLe([64_022]), source });
  }
  await load('not_an_administrator', null, denied, { content: threeLe([64_023]) }, a);

  // AlertService: ids, enums and strings; no alert exists in this exchange, so a well-formed id is one never issued.
  const alertProbe = async (name, method, field, expect, request, who = a) =>
    report(`${method}.${name}`, method, field, expect, await unary(who.alerts, method, request, who.apiKey));
  const badAlertIds = {
    empty: '', alr_0: 'ALR-0', leading_zero: 'ALR-01', digits_20: 'ALR-99999999999999999999', digits_10000: `ALR-${'9'.repeat(10_000)}`,
    lower_case: 'alr-1', trailing_line_break: 'ALR-1\n', nul: 'ALR-1\u0000', lone_surrogate: 'ALR-1\uD800', arabic_indic: 'ALR-\u0661',
    notification_id: 'MNV-1', minus: 'ALR--1',
  };
  const acknowledge = (extra) => ({ request_id: requestId(), alert_id: 'ALR-987654321', norad_cat_id: 0, intent: 'MANEUVER_INTENT_WILL_MANEUVER', note: 'Node probe', ...extra });
  for (const [label, id] of Object.entries(badAlertIds)) {
    await alertProbe(`alert_id.${label}`, 'AcknowledgeAlert', 'alert_id', invalid('alert_id'), acknowledge({ alert_id: id }));
    await alertProbe(`alert_id.${label}`, 'GetAlert', 'alert_id', invalid('alert_id'), { alert_id: id });
    await alertProbe(`alert_id.${label}`, 'ExportAlertCdm', 'alert_id', invalid('alert_id'), { alert_id: id, format: 'CDM_FORMAT_KVN' });
  }
  for (const method of ['GetAlert', 'ExportAlertCdm']) {
    await alertProbe('alert_id.never_issued', method, null, notFound, { alert_id: 'ALR-987654321' });
    await alertProbe('alert_id.beyond_int64', method, null, notFound, { alert_id: 'ALR-9999999999999999999' });
  }
  await alertProbe('alert_id.never_issued', 'AcknowledgeAlert', null, notFound, acknowledge({}));
  for (const [label, id] of Object.entries(badRequestIds)) {
    await alertProbe(`request_id.${label}`, 'AcknowledgeAlert', 'request_id', invalid('request_id'), acknowledge({ request_id: id }));
  }
  for (const [label, intent] of Object.entries({ unspecified: 'MANEUVER_INTENT_UNSPECIFIED', unknown_99: 99, negative: -1, int32_max: 2_147_483_647 })) {
    await alertProbe(`intent.${label}`, 'AcknowledgeAlert', 'intent', invalid('intent'), acknowledge({ intent }));
  }
  for (const [label, note] of Object.entries({ chars_2001: 'n'.repeat(2001), chars_1000000: 'n'.repeat(1_000_000), lone_surrogate: 'x\uDFFF', escape_sequence: 'x\u001b[2J' })) {
    await alertProbe(`note.${label}`, 'AcknowledgeAlert', 'note', invalid('note'), acknowledge({ note }));
  }
  // On an alert never issued, NOT_FOUND before the object is looked at is as fair as a refusal of the number.
  await alertProbe('norad_cat_id.uint32_max', 'AcknowledgeAlert', 'norad_cat_id', null, acknowledge({ norad_cat_id: 4_294_967_295 }));
  for (const [label, format] of Object.entries({ unknown_99: 99, negative: -1 })) {
    await alertProbe(`format.${label}`, 'ExportAlertCdm', 'format', invalid('format'), { alert_id: 'ALR-987654321', format });
  }
  const tampered = (token) => {
    if (!token) {
      return 'AAAA';
    }
    const i = Math.floor(token.length / 2);
    return token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
  };
  const pageTokens = {
    forged: 'AS4uLy4uL3g', random_base64url: crypto.randomBytes(24).toString('base64url'), not_base64: '!!!***',
    chars_10000: 'A'.repeat(10_000), of_the_object_registry: objectsPage.next_page_token, of_the_directory: directoryPage.next_page_token,
    registry_tampered: tampered(objectsPage.next_page_token), nul: 'AQ\u0000', lone_surrogate: 'AQ\uD800',
  };
  for (const [label, token] of Object.entries(pageTokens)) {
    await alertProbe(`page_token.${label}`, 'ListAlerts', 'page_token', invalid('page_token'), { page_token: token });
  }
  await alertProbe('states.unknown_99', 'ListAlerts', 'states[0]', invalid('states[0]'), { states: [99] });
  await alertProbe('states.second_negative', 'ListAlerts', 'states[1]', invalid('states[1]'), { states: ['ALERT_STATE_OPEN', -1] });
  await alertProbe('page_size.501', 'ListAlerts', 'page_size', invalid('page_size'), { page_size: 501 });
  await alertProbe('page_size.uint32_max', 'ListAlerts', 'page_size', invalid('page_size'), { page_size: 4_294_967_295 });
  await alertProbe('norad_cat_id.uint32_max', 'ListAlerts', 'norad_cat_id', invalid('norad_cat_id'), { norad_cat_id: 4_294_967_295 });
  await alertProbe('valid_empty', 'ListAlerts', null, ok, { states: ['ALERT_STATE_OPEN'], page_size: 500 });

  // ListObjects: page tokens forged, tampered and of other listings; odd operator ids are a filter that matches nothing.
  const objectsProbe = async (name, field, expect, request) =>
    report(`ListObjects.${name}`, 'ListObjects', field, expect, await unary(a.registry, 'ListObjects', request, a.apiKey));
  for (const [label, token] of Object.entries({ ...pageTokens, of_the_object_registry: undefined, registry_tampered: tampered(objectsPage.next_page_token) })) {
    if (token !== undefined) {
      // A registry token with one character changed may still spell a position (a catalogue number): then it is one.
      await objectsProbe(`page_token.${label}`, 'page_token', label === 'registry_tampered' ? null : invalid('page_token'), { operator_id: idA, page_token: token });
    }
  }
  await objectsProbe('page_size.501', 'page_size', invalid('page_size'), { page_size: 501 });
  for (const [label, operatorId] of Object.entries({ chars_10000: 'o'.repeat(10_000), nul: `${idA}\u0000`, lone_surrogate: `${idA}\uD800` })) {
    await objectsProbe(`operator_id.${label}`, 'operator_id', null, { operator_id: operatorId });
  }
  for (const [label, norad] of Object.entries({ zero: 0, uint32_max: 4_294_967_295 })) {
    report(`GetObject.norad_cat_id.${label}`, 'GetObject', 'norad_cat_id', null, await unary(a.registry, 'GetObject', { norad_cat_id: norad }, a.apiKey));
  }

  // A subscription's AlertFilter: what is accepted must read back (GetSubscription) as sent.
  const filterProbe = async (name, field, expect, alerts) => {
    const request = { name: `node alert filter ${name}`, filter: { alerts }, start: 'START_POSITION_LATEST' };
    const answer = await unary(b.subscriptions, 'CreateSubscription', request, b.apiKey);
    const extra = {};
    if (answer.ok) {
      const got = await must(b.subscriptions, 'GetSubscription', { subscription_id: answer.response.id }, b.apiKey);
      const view = (f) => ({
        exclude: Boolean(f.exclude), max_miss_distance_m: jsonDouble(f.max_miss_distance_m || 0), min_probability: jsonDouble(f.min_probability || 0),
        regimes: (f.regimes || []).map(String), unannounced_only: Boolean(f.unannounced_only),
      });
      extra.sent = view(alerts);
      extra.read_back = view(got.filter.alerts || {});
      extra.read_back_equal = JSON.stringify(extra.sent) === JSON.stringify(extra.read_back);
    }
    report(`CreateSubscription.alerts.${name}`, 'CreateSubscription', field, expect, answer, extra);
  };
  const filterCases = {
    'max_miss_distance_m.nan': [{ max_miss_distance_m: NaN }, 'filter.alerts.max_miss_distance_m', false],
    'max_miss_distance_m.negative': [{ max_miss_distance_m: -1 }, 'filter.alerts.max_miss_distance_m', false],
    'max_miss_distance_m.minus_infinity': [{ max_miss_distance_m: -Infinity }, 'filter.alerts.max_miss_distance_m', false],
    'max_miss_distance_m.infinity': [{ max_miss_distance_m: Infinity }, 'filter.alerts.max_miss_distance_m', null],
    'max_miss_distance_m.smallest_positive': [{ max_miss_distance_m: 5e-324 }, null, true],
    'max_miss_distance_m.2000': [{ max_miss_distance_m: 2000 }, null, true],
    'min_probability.nan': [{ min_probability: NaN }, 'filter.alerts.min_probability', false],
    'min_probability.negative': [{ min_probability: -0.1 }, 'filter.alerts.min_probability', false],
    'min_probability.above_1': [{ min_probability: 1.0000000000000002 }, 'filter.alerts.min_probability', false],
    'min_probability.1e309': [{ min_probability: 1e309 }, 'filter.alerts.min_probability', false],
    'min_probability.one': [{ min_probability: 1 }, null, true],
    'min_probability.1e-7': [{ min_probability: 1e-7 }, null, true],
    'regimes.unknown_99': [{ regimes: [99] }, 'filter.alerts.regimes[0]', false],
    'regimes.second_negative': [{ regimes: ['ORBITAL_REGIME_LEO', -1] }, 'filter.alerts.regimes[1]', false],
    'regimes.unspecified': [{ regimes: ['ORBITAL_REGIME_UNSPECIFIED'] }, 'filter.alerts.regimes[0]', null],
    'all_set': [{ exclude: false, max_miss_distance_m: 1500.5, min_probability: 1e-4, regimes: ['ORBITAL_REGIME_LEO', 'ORBITAL_REGIME_GEO'], unannounced_only: true }, null, true],
    'all_bad': [{ max_miss_distance_m: NaN, min_probability: -1, regimes: [42] }, 'filter.alerts.max_miss_distance_m', false],
  };
  for (const [label, [alerts, field, valid]] of Object.entries(filterCases)) {
    const expect = valid === true ? ok : valid === false ? invalid(...(label === 'all_bad'
      ? ['filter.alerts.max_miss_distance_m', 'filter.alerts.min_probability', 'filter.alerts.regimes[0]'] : [field])) : null;
    await filterProbe(label, valid === true ? null : field, expect, alerts);
  }

  print({ type: 'claim_after', pending: stillPending !== undefined, claim: stillPending || null });
  print({ type: 'probes_done', count });
  for (const org of [admin, a, b]) {
    org.close();
  }
  finish(0);
}

/** `registry-flow`: a registration, a refused claim awarded by the administrator, and a small 3LE catalogue loaded. */
async function registryFlow(address, adminKey, keyA, keyB) {
  const admin = organization(address, adminKey);
  const a = organization(address, keyA);
  const b = organization(address, keyB);
  const idA = await whoAmI(a);
  const idB = await whoAmI(b);
  const norad = 62_001;
  const sentByA = { request_id: requestId(), object: { norad_cat_id: norad, cospar_id: '2022-001A', name: 'NODE FLOW SAT' }, maneuverable: true,
    hard_body_radius_m: 4.5, orbit: { tle: tleFor(norad) }, sharing: 'SHARING_POLICY_FULL_STATE' };
  const registered = await must(a.registry, 'RegisterObject', sentByA, a.apiKey);
  const sentByB = { request_id: requestId(), object: { norad_cat_id: norad, name: 'NODE FLOW SAT (B)' }, maneuverable: false,
    hard_body_radius_m: 2.25, orbit: { omm: ommFor(norad) } };
  const claimed = await unary(b.registry, 'RegisterObject', sentByB, b.apiKey);
  const listed = await must(admin.registry, 'ListObjectClaims', {}, admin.apiKey);
  const claim = listed.claims.find((c) => c.norad_cat_id === norad);
  const awarded = await must(admin.registry, 'ResolveObjectClaim',
    { request_id: requestId(), claim_id: claim ? claim.id : '', award: true, note: 'Node flow: B shows the ITU filing' }, admin.apiKey);
  const afterAward = await must(b.registry, 'GetObject', { norad_cat_id: norad }, b.apiKey);
  const seenByA = await must(a.registry, 'GetObject', { norad_cat_id: norad }, a.apiKey);

  // A small catalogue: three good entries, one with a wrong checksum on its line 2 (file line 6), one line 1 with no
  // line 2 after it (file line 11).
  const t = (n) => tleFor(n);
  const lines = [
    '0 NODE CAT 1', t(62_101).line1, t(62_101).line2,
    '0 NODE CAT 2', t(62_102).line1, t(62_102).line2.slice(0, 68) + String((Number(t(62_102).line2[68]) + 1) % 10),
    '0 NODE CAT 3', t(62_103).line1, t(62_103).line2,
    '0 NODE CAT 4', t(62_104).line1,
    '0 NODE CAT 5', t(62_105).line1, t(62_105).line2,
  ];
  const catalogue = await unary(admin.registry, 'LoadCatalogue', { request_id: requestId(), content: lines.join('\n') + '\n', source: 'node flow 3LE' }, admin.apiKey);
  const status = await must(admin.registry, 'GetCatalogueStatus', {}, admin.apiKey);
  print({
    type: 'flow', a: idA, b: idB, norad, sent_by_a: expectedRegistration(sentByA, idA), registered: readRegistration(registered), claimed,
    claim, awarded, sent_by_b: expectedRegistration(sentByB, idB), after_award: readRegistration(afterAward), seen_by_a: readRegistration(seenByA),
    catalogue_lines: lines, catalogue, status,
  });
  print({ type: 'probes_done', count: 0 });
  for (const org of [admin, a, b]) {
    org.close();
  }
  finish(0);
}

/** `alerts-flow`: B receives, reads, acknowledges and exports the alert on its object; C learns nothing of it. */
async function alertsFlow(address, keyB, keyC) {
  const b = organization(address, keyB);
  const c = organization(address, keyC);
  const idB = await whoAmI(b);
  const idC = await whoAmI(c);
  const subscribe = async (org) => {
    const subscription = await must(org.subscriptions, 'CreateSubscription', { name: 'node alerts', filter: {}, start: 'START_POSITION_LATEST' }, org.apiKey);
    const watch = watchSubscription(org, subscription.id);
    await watch.caughtUp();
    return watch;
  };
  const streamB = await subscribe(b);
  const streamC = await subscribe(c);
  const input = readline.createInterface({ input: process.stdin });
  const stdin = input[Symbol.asyncIterator]();
  print({ type: 'ready', b: idB, c: idC });
  const line = await stdin.next();
  const match = !line.done && /^filed (\S+)$/.exec(line.value.trim());
  if (!match) {
    throw new Error(`expected "filed <notification id>" on stdin, got ${line.done ? 'end of input' : line.value}`);
  }
  const notificationId = match[1];
  const toldAt = Date.now();
  const raised = (seen) => seen.find((s) => s.kind === 'alert_event' && s.event_type === 'ALERT_EVENT_TYPE_RAISED' && s.objects.includes(25544));
  await streamB.until('the alert RAISED on 25544', (seen) => raised(seen) !== undefined);
  const raisedEvent = raised(streamB.seen);
  const raisedAfterMs = Date.now() - toldAt;
  const alertId = raisedEvent.id;

  const got = await unary(b.alerts, 'GetAlert', { alert_id: alertId }, b.apiKey);
  const acknowledgement = { request_id: requestId(), alert_id: alertId, intent: 'MANEUVER_INTENT_WILL_NOT_MANEUVER', note: 'ISS holds attitude; the maneuvering party moves.' };
  const acknowledged = await unary(b.alerts, 'AcknowledgeAlert', acknowledgement, b.apiKey);
  await streamB.until('the ACKNOWLEDGED event', (seen) => seen.some((s) => s.kind === 'alert_event' && s.id === alertId && s.event_type === 'ALERT_EVENT_TYPE_ACKNOWLEDGED'));
  const retried = await unary(b.alerts, 'AcknowledgeAlert', acknowledgement, b.apiKey);
  const cdmKvn = await unary(b.alerts, 'ExportAlertCdm', { alert_id: alertId, format: 'CDM_FORMAT_KVN' }, b.apiKey);
  const cdmXml = await unary(b.alerts, 'ExportAlertCdm', { alert_id: alertId, format: 'CDM_FORMAT_XML' }, b.apiKey);
  const listedB = await unary(b.alerts, 'ListAlerts', { norad_cat_id: 25544 }, b.apiKey);

  // C: every call on the alert, beside the same call on an id never issued.
  const neverIssued = 'ALR-987654321';
  const attempts = {
    GetAlert: (id) => ({ alert_id: id }),
    ExportAlertCdm: (id) => ({ alert_id: id, format: 'CDM_FORMAT_KVN' }),
    AcknowledgeAlert: (id) => ({ request_id: requestId(), alert_id: id, intent: 'MANEUVER_INTENT_WILL_MANEUVER', note: 'Let me in' }),
  };
  const outsider = [];
  for (const [method, build] of Object.entries(attempts)) {
    const answer = await unary(c.alerts, method, build(alertId), c.apiKey);
    const reference = await unary(c.alerts, method, build(neverIssued), c.apiKey);
    outsider.push({ method, answer, reference, shape: shapeOf(answer, alertId), reference_shape: shapeOf(reference, neverIssued) });
  }
  const listedC = await unary(c.alerts, 'ListAlerts', {}, c.apiKey);
  // A marker C files (an object nobody registered, no orbit: nothing to screen) at the exchange's own time; C's stream
  // reads up to it, so that anything about the alert before it would have been seen.
  const now = await must(c.registry, 'GetCatalogueStatus', {}, c.apiKey);
  const startMs = Number(now.now.seconds) * 1000 + 6 * 3600_000;
  const marker = await must(c.notifications, 'FileNotification', {
    request_id: requestId(),
    maneuver: { ...maneuverNotice(), object: { norad_cat_id: 61_999, name: 'NODE MARKER' },
      execution_window: { start: timestamp(new Date(startMs)), end: timestamp(new Date(startMs + 20 * 60_000)) } },
  }, c.apiKey);
  const markerId = marker.notification.id;
  await streamC.until(`the marker ${markerId}`, (seen) => seen.some((s) => s.kind === 'event' && s.id === markerId));
  await streamB.until(`the marker ${markerId} (B too)`, (seen) => seen.some((s) => s.kind === 'event' && s.id === markerId));
  streamB.stop();
  streamC.stop();
  input.close();
  print({
    type: 'alerts', b: idB, c: idC, notification_id: notificationId, alert_id: alertId, raised_after_ms: raisedAfterMs, simulated_now: now.now,
    simulated: now.simulated, standing_interval_minutes: now.standing_interval_minutes, last_standing_screen: now.last_standing_screen, got, acknowledged, retried, cdm_kvn: cdmKvn, cdm_xml: cdmXml, listed_b: listedB, outsider, listed_c: listedC,
    marker_id: markerId, seen_b: streamB.seen, seen_c: streamC.seen,
  });
  b.close();
  c.close();
  finish(0);
}
