using FsCheck;
using FsCheck.Fluent;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Audiences;

/// <summary>
/// Arbitrary audiences and embargoes (scopes known and unknown, organisations that exist, do not, repeat or are the
/// filer, embargo times past and future), filed then amended. Whatever is sent: the answer is OK or INVALID_ARGUMENT;
/// what was accepted is seen by exactly whom its audience in force admits, on a point read and in a listing; and an
/// accepted amendment hides the notification from nobody who saw it before.
/// </summary>
public class SharingPropertyTests
{
    private static readonly ulong _seed = ulong.TryParse(Environment.GetEnvironmentVariable("NX_PROPERTY_SEED"), out var seed) ? seed : 20261202UL;
    private static readonly string[] _readers = ["filer-ops", "named-ops", "other-ops", ""];
    private static readonly string[] _pool = ["named-ops", "other-ops", "filer-ops", "no-such-ops", ""];

    private TestDatabase _database = null!;
    private ExchangeHost _host = null!;
    private readonly Dictionary<string, ExchangeClient> _clients = [];
    private readonly SortedDictionary<string, int> _outcomes = new(StringComparer.Ordinal);

    [OneTimeSetUp]
    public async Task Start()
    {
        _database = new TestDatabase();
        _host = await ExchangeHost.StartAsync(_database.Path);
        foreach (var reader in _readers.Where(r => r.Length > 0))
        {
            _clients[reader] = await _host.NewOperatorAsync(reader);
        }
        _clients[""] = new ExchangeClient(_host.AnonymousChannel());
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    [Test]
    public void Arbitrary_audiences_and_embargoes_are_refused_by_field_or_shown_to_exactly_their_audience_and_amendments_never_narrow()
    {
        var audiences = from scope in Gen.Frequency((6, Gen.Choose(0, 4)), (1, Gen.Constant(9)))
                        from count in Gen.Frequency((3, Gen.Constant(0)), (4, Gen.Constant(1)), (2, Gen.Constant(2)), (1, Gen.Constant(3)))
                        from organizations in Gen.ArrayOf(Gen.Elements(_pool), count)
                        select new Audience { Scope = (AudienceScope)scope, Organizations = { organizations } };
        var embargoes = from audience in audiences
                        from minutes in Gen.Choose(-30, 600)
                        select new Embargo { Audience = audience, Until = Timestamp.FromDateTime(DateTime.UtcNow.AddMinutes(minutes)) };
        var sharing = from audience in Gen.Frequency((1, Gen.Constant<Audience?>(null)), (4, audiences.Select(a => (Audience?)a)))
                      from embargo in Gen.Frequency((2, Gen.Constant<Embargo?>(null)), (1, embargoes.Select(e => (Embargo?)e)))
                      select (Audience: audience, Embargo: embargo);
        var cases = from filed in sharing
                    from amended in sharing
                    select (Filed: filed, Amended: amended);
        var config = Config.QuickThrowOnFailure.WithMaxTest(60).WithQuietOnSuccess(true).WithReplay(new Replay(new Rnd(_seed, 13UL), null));

        Prop.ForAll(cases.ToArbitrary(), c => Run(c.Filed, c.Amended).GetAwaiter().GetResult()).Check(config);
        TestContext.Out.WriteLine(string.Join(Environment.NewLine, _outcomes.Select(o => $"{o.Key}: {o.Value}")));
        Assert.That(_outcomes.GetValueOrDefault("file OK"), Is.GreaterThan(10), "enough was accepted for the checks to mean something");
        Assert.That(_outcomes.GetValueOrDefault("file InvalidArgument"), Is.GreaterThan(5), "and enough refused");
    }

    private async Task Run((Audience? Audience, Embargo? Embargo) filing, (Audience? Audience, Embargo? Embargo) amendment)
    {
        var request = Notices.File(Notices.Maneuver());
        request.Audience = filing.Audience;
        request.Embargo = filing.Embargo;
        var filed = await CallOutcome.Of(() => _clients["filer-ops"].Notifications.FileNotificationAsync(request).ResponseAsync);
        Count($"file {filed.Code}");
        Assert.That(filed.Code, Is.AnyOf(StatusCode.OK, StatusCode.InvalidArgument), filed.ToString());
        if (filed.Code != StatusCode.OK)
        {
            Assert.That(CallOutcome.Violations(filed.Exception!), Is.Not.Empty, "refused by field");
            return;
        }
        var notification = ((FileNotificationResponse)filed.Response!).Notification;
        var seenBefore = await AssertSeenByExactlyItsAudienceAsync(notification);

        var amend = new AmendNotificationRequest
        {
            RequestId = Guid.NewGuid().ToString(), NotificationId = notification.Id, Maneuver = notification.Maneuver,
            Audience = amendment.Audience, Embargo = amendment.Embargo,
        };
        var amended = await CallOutcome.Of(() => _clients["filer-ops"].Notifications.AmendNotificationAsync(amend).ResponseAsync);
        Count($"amend {amended.Code}");
        Assert.That(amended.Code, Is.AnyOf(StatusCode.OK, StatusCode.InvalidArgument), amended.ToString());
        if (amended.Code != StatusCode.OK)
        {
            Assert.That(CallOutcome.Violations(amended.Exception!), Is.Not.Empty, "refused by field");
            return;
        }
        var seenAfter = await AssertSeenByExactlyItsAudienceAsync(((FileNotificationResponse)amended.Response!).Notification);
        Assert.That(seenBefore.Except(seenAfter), Is.Empty, "an amendment hides the notification from nobody who saw it");
    }

    /// <summary>Who reads the notification (a point read and a listing, which agree) is who its audience in force admits.</summary>
    private async Task<IReadOnlyList<string>> AssertSeenByExactlyItsAudienceAsync(Notification notification)
    {
        var inForce = notification.Embargo?.Audience ?? notification.Audience;
        var seen = new List<string>();
        foreach (var reader in _readers)
        {
            var client = _clients[reader];
            var get = await CallOutcome.Of(() => client.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = notification.Id }).ResponseAsync);
            var listed = (await client.Notifications.ListNotificationsAsync(new ListNotificationsRequest { PageSize = 5 })).Notifications.Any(n => n.Id == notification.Id);
            var admitted = Admits(inForce, reader);
            Assert.That((get.Code, listed), Is.EqualTo(admitted ? (StatusCode.OK, true) : (StatusCode.NotFound, false)), $"{notification.Id} ({inForce}) read by '{reader}'");
            if (admitted)
            {
                seen.Add(reader);
            }
        }
        return seen;
    }

    private static bool Admits(Audience? audience, string reader) => audience?.Scope switch
    {
        null or AudienceScope.Unspecified or AudienceScope.Public => true,
        AudienceScope.Registered => reader.Length > 0,
        _ => reader == "filer-ops" || (reader.Length > 0 && audience.Organizations.Contains(reader)),
    };

    private void Count(string outcome) => _outcomes[outcome] = _outcomes.GetValueOrDefault(outcome) + 1;
}
