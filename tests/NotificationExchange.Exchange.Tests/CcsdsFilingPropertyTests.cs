using FsCheck;
using FsCheck.Fluent;
using Google.Rpc;
using Grpc.Core;
using NotificationExchange.Ccsds;
using NotificationExchange.Ccsds.Ocm;
using NotificationExchange.Ccsds.Oem;
using NotificationExchange.Ccsds.Opm;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests;

/// <summary>
/// Valid CCSDS maneuver messages (OPM and OCM, KVN and XML: an operator's own, a third party's, and the exchange's
/// own exports) and a valid planned-ephemeris OEM, with values inside their text changed (time systems, dates at the
/// edges of the calendar and of the leap-second table, relative times, durations and numbers that are huge, negative
/// or not numbers, units, empty values, keywords removed or given twice), filed through a real exchange.
/// Whatever is sent: the answer is never UNKNOWN or INTERNAL, a refusal is INVALID_ARGUMENT with field violations,
/// and what is accepted reads back with GetNotification and exports as an OCM in KVN and XML. The CCSDS readers and
/// writers themselves, given the same text, throw nothing but CcsdsFormatException.
/// </summary>
public class CcsdsFilingPropertyTests
{
    // A fixed seed keeps the suite deterministic; NX_PROPERTY_SEED explores other inputs, NX_PROPERTY_CASES more of them.
    private static readonly ulong _seed = ulong.TryParse(Environment.GetEnvironmentVariable("NX_PROPERTY_SEED"), out var seed) ? seed : 20261215UL;

    private static readonly int _cases = int.TryParse(Environment.GetEnvironmentVariable("NX_PROPERTY_CASES"), out var cases) ? cases : 400;

    private static readonly StatusCode[] _neverForAClient = [StatusCode.Unknown, StatusCode.Internal];

    private readonly SortedDictionary<string, int> _outcomes = new(StringComparer.Ordinal);
    private TestDatabase _database = null!;
    private ExchangeHost _host = null!;
    private ExchangeClient _client = null!;
    private DateTime _ignition;
    private CcsdsTextMutator _mutator = null!;
    private (string Name, string Text)[] _messages = null!;
    private string[] _ephemerides = null!;

    [OneTimeSetUp]
    public async Task StartExchange()
    {
        _database = new TestDatabase();
        _host = await ExchangeHost.StartAsync(_database.Path);
        _client = await _host.NewOperatorAsync("ccsds-prop-ops");
        _ignition = DateTime.UtcNow.Date.AddDays(2).AddHours(10);
        _mutator = new CcsdsTextMutator(_ignition);

        // the exchange's own OCMs: a maneuver with components, a TLE and apsides, and one known only by its magnitude
        var notice = Notices.Maneuver(39634);
        notice.Object.CosparId = CcsdsSamples.CosparId;
        notice.ExecutionWindow = new TimeWindow
        {
            Start = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(_ignition),
            End = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(_ignition.AddSeconds(90)),
        };
        var magnitudeOnly = notice.Clone();
        magnitudeOnly.PlannedDeltaV = new DeltaV { MagnitudeMps = 0.42 };
        var exports = new List<(string, string)>();
        foreach (var (name, filed) in new[] { ("export", notice), ("export magnitude-only", magnitudeOnly) })
        {
            var id = (await _client.Notifications.FileNotificationAsync(Notices.File(filed))).Notification.Id;
            foreach (var format in new[] { ExportFormat.OcmKvn, ExportFormat.OcmXml })
            {
                exports.Add(($"{name} {format}", (await _client.Notifications.ExportNotificationAsync(new ExportNotificationRequest { NotificationId = id, Format = format })).Content));
            }
        }
        _messages =
        [
            ("OPM KVN", CcsdsSamples.OpmKvn(_ignition)),
            ("OPM XML", CcsdsSamples.OpmXml(_ignition)),
            ("OCM KVN", CcsdsSamples.OcmText(_ignition, CcsdsSyntax.Kvn)),
            ("OCM XML", CcsdsSamples.OcmText(_ignition, CcsdsSyntax.Xml)),
            .. exports,
        ];
        var oem = CcsdsSamples.OemKvn(_ignition.AddMinutes(-10), _ignition.AddHours(1));
        _ephemerides = [oem, OemWriter.Write(OemReader.Read(oem), CcsdsSyntax.Xml)];

        // every message unchanged is filed: the property starts from what the exchange accepts
        foreach (var (name, text) in _messages)
        {
            foreach (var ephemeris in _ephemerides)
            {
                await _client.Notifications.FileNotificationAsync(CcsdsSamples.File(text, ephemeris));
            }
        }
    }

    [OneTimeTearDown]
    public async Task StopExchange()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    [Test]
    public void Ccsds_messages_with_changed_values_are_filed_or_refused_by_field_never_unknown()
    {
        var mutations = Gen.Frequency((5, Gen.Constant(1)), (3, Gen.Constant(2)), (2, Gen.Choose(3, 5)));
        var cases = from message in Gen.Choose(0, _messages.Length - 1)
                    from ephemeris in Gen.Choose(-1, _ephemerides.Length - 1)
                    from target in Gen.Frequency((6, Gen.Constant(Target.Message)), (2, Gen.Constant(Target.Ephemeris)), (2, Gen.Constant(Target.Both)))
                    from count in mutations
                    from seed in Gen.Choose(0, int.MaxValue)
                    select new Case(message, ephemeris, target, count, seed);
        var config = Config.QuickThrowOnFailure.WithMaxTest(_cases).WithQuietOnSuccess(true).WithReplay(new Replay(new Rnd(_seed, 13UL), null));

        Prop.ForAll(cases.ToArbitrary(), Send).Check(config);

        TestContext.Out.WriteLine($"seed {_seed}:{Environment.NewLine}" + string.Join(Environment.NewLine, _outcomes.Select(o => $"{o.Key}: {o.Value}")));
        Assert.That(_outcomes.Where(o => o.Key.EndsWith(" OK", StringComparison.Ordinal)).Sum(o => o.Value), Is.GreaterThan(20),
            "enough was accepted for the read-back and export checks to mean something");
        Assert.That(_outcomes.Where(o => o.Key.EndsWith(" InvalidArgument", StringComparison.Ordinal)).Sum(o => o.Value), Is.GreaterThan(100),
            "enough was refused for the refusals to mean something");
    }

    private enum Target
    {
        Message,
        Ephemeris,
        Both,
    }

    private sealed record Case(int Message, int Ephemeris, Target Target, int Mutations, int Seed);

    private void Send(Case c)
    {
        var random = new Random(c.Seed);
        var log = new List<string>();
        var (name, text) = _messages[c.Message];
        var ephemeris = c.Ephemeris < 0 ? null : _ephemerides[c.Ephemeris];
        for (var i = 0; i < c.Mutations; i++)
        {
            if (c.Target != Target.Ephemeris || ephemeris is null)
            {
                text = _mutator.Mutate(text, random, log);
            }
            if (c.Target != Target.Message && ephemeris is not null)
            {
                ephemeris = _mutator.Mutate(ephemeris, random, log);
            }
        }
        if (random.Next(25) == 0)
        {
            // the last change (or a changed data line: a burn, a state) hundreds of times over
            var first = random.Next(2) == 0;
            if (c.Target != Target.Message && ephemeris is not null)
            {
                ephemeris = _mutator.Multiply(first ? _mutator.MutateDataLine(ephemeris, random, log) : ephemeris, random, log);
            }
            else
            {
                text = _mutator.Multiply(first ? _mutator.MutateDataLine(text, random, log) : text, random, log);
            }
        }
        var what = $"{name}{(ephemeris is null ? "" : " + OEM")} after {string.Join("; ", log)}";
        LibraryThrowsOnlyFormatErrors(text, what);
        if (ephemeris is not null)
        {
            LibraryThrowsOnlyFormatErrors(ephemeris, what + " (the OEM)");
        }
        var request = CcsdsSamples.File(text, ephemeris);
        if (random.Next(4) == 0)
        {
            request.CcsdsManeuver.Supplement = null;
        }
        try
        {
            var filed = _client.Notifications.FileNotification(request).Notification;
            Tally(name, "OK");
            ReadsBackAndExports(filed, what);
        }
        catch (RpcException e) when (!_neverForAClient.Contains(e.StatusCode))
        {
            Tally(name, e.StatusCode.ToString());
            if (e.StatusCode == StatusCode.InvalidArgument)
            {
                var violations = e.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations
                    ?? throw new AssertionException($"INVALID_ARGUMENT without field violations for {what}");
                if (violations.Count == 0 || violations.Any(v => v.Description.Contains("the CCSDS reader could not read this message", StringComparison.Ordinal)))
                {
                    throw new AssertionException($"{what}: {string.Join("; ", violations)}");
                }
            }
        }
        catch (RpcException e)
        {
            throw new AssertionException($"{e.StatusCode} ({e.Status.Detail}) for {what}{Environment.NewLine}{text}");
        }
    }

    private void ReadsBackAndExports(Notification filed, string what)
    {
        var read = _client.Notifications.GetNotification(new GetNotificationRequest { NotificationId = filed.Id }).Notification.AsAnswered();
        if (!read.Equals(filed))
        {
            throw new AssertionException($"{filed.Id} reads back differently from what was answered, for {what}");
        }
        foreach (var format in new[] { ExportFormat.OcmKvn, ExportFormat.OcmXml })
        {
            try
            {
                var exported = _client.Notifications.ExportNotification(new ExportNotificationRequest { NotificationId = filed.Id, Format = format });
                OcmReader.Read(exported.Content);
            }
            catch (Exception e) when (e is RpcException or CcsdsFormatException)
            {
                throw new AssertionException($"{filed.Id}, accepted, does not export as {format}: {e.Message}, for {what}");
            }
        }
    }

    /// <summary>The readers, and the writers given what the readers read, throw nothing but CcsdsFormatException.</summary>
    private void LibraryThrowsOnlyFormatErrors(string text, string what)
    {
        object? message;
        try
        {
            message = NdmReader.Read(text);
        }
        catch (CcsdsFormatException)
        {
            Tally("library read", "CcsdsFormatException");
            return;
        }
        catch (Exception e)
        {
            throw new AssertionException($"reading threw {e.GetType().Name}: {e.Message}, for {what}{Environment.NewLine}{e}");
        }
        Tally("library read", "OK");
        foreach (var syntax in new[] { CcsdsSyntax.Kvn, CcsdsSyntax.Xml })
        {
            try
            {
                _ = message switch
                {
                    OpmMessage opm => OpmWriter.Write(opm, syntax),
                    OcmMessage ocm => OcmWriter.Write(ocm, syntax),
                    OemMessage oem => OemWriter.Write(oem, syntax),
                    _ => "",
                };
                Tally("library write", "OK");
            }
            catch (CcsdsFormatException)
            {
                // a writer may refuse what a reader took (a tab inside a value: readers keep it, writers carry no control character)
                Tally("library write", "CcsdsFormatException");
            }
            catch (Exception e)
            {
                throw new AssertionException($"writing {syntax} threw {e.GetType().Name}: {e.Message}, for {what}{Environment.NewLine}{e}");
            }
        }
    }

    private void Tally(string what, string outcome) => _outcomes[$"{what} {outcome}"] = _outcomes.GetValueOrDefault($"{what} {outcome}") + 1;
}
