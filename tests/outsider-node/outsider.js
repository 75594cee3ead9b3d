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
      + ' | converse <address> <api key> <consultation id> <count> <expect>');
  }
}

main(process.argv.slice(2));
