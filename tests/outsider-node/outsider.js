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
  ['notification_exchange/v1/notifications.proto', 'notification_exchange/v1/subscriptions.proto'],
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

function main(argv) {
  const limit = setTimeout(() => fail(`not done within ${OVERALL_LIMIT_MS} ms`), OVERALL_LIMIT_MS);
  limit.unref();
  const [command, ...args] = argv;
  if (command === 'subscribe' && (args.length === 3 || (args.length === 4 && ['sync', 'async'].includes(args[3])))) {
    subscribe(args[0], args[1], args[2], args[3] || 'sync');
  } else if (command === 'file-malformed' && args.length === 2) {
    fileMalformed(...args).catch(fail);
  } else {
    fail('usage: outsider.js subscribe <address> <api key> <subscription id> [sync|async] | file-malformed <address> <api key>');
  }
}

main(process.argv.slice(2));
