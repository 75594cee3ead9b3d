using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Audiences;

/// <summary>
/// Every notification read path, for each audience and each kind of caller, on a real host: the filer, an admitted
/// organisation, one not admitted, a caller without credentials and an administrator (an operator of the exchange,
/// who is not a party: it sees what its organisation is admitted to, no more). To a caller not admitted a
/// notification does not exist, in the very words of an id never issued.
/// </summary>
public class NotificationAudienceTests
{
    private TestDatabase _database = null!;
    private ExchangeHost _host = null!;
    private ExchangeClient _filer = null!;
    private ExchangeClient _named = null!;
    private ExchangeClient _other = null!;
    private ExchangeClient _anonymous = null!;
    private ExchangeClient _admin = null!;

    [SetUp]
    public async Task Start()
    {
        _database = new TestDatabase();
        _host = await ExchangeHost.StartAsync(_database.Path);
        _filer = await _host.NewOperatorAsync("filer-ops");
        _named = await _host.NewOperatorAsync("named-ops");
        _other = await _host.NewOperatorAsync("other-ops");
        _anonymous = new ExchangeClient(_host.AnonymousChannel());
        _admin = _host.Admin();
    }

    [TearDown]
    public async Task Stop()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    public enum Caller { Filer, Named, Other, Anonymous, Administrator }

    private static readonly AudienceScope[] _scopes = [AudienceScope.Public, AudienceScope.Registered, AudienceScope.Named, AudienceScope.Bilateral];

    private static bool Admitted(AudienceScope scope, Caller caller) => (scope, caller) switch
    {
        (AudienceScope.Public, _) => true,
        (AudienceScope.Registered, not Caller.Anonymous) => true,
        (_, Caller.Filer or Caller.Named) => true,
        _ => false,
    };

    [Test]
    public async Task Every_point_read_and_listing_shows_a_notification_to_its_audience_and_to_nobody_else_exactly_as_an_id_never_issued(
        [ValueSource(nameof(_scopes))] AudienceScope scope, [Values] Caller caller)
    {
        var filed = await FileAsync(scope);
        var reader = Client(caller);
        var admitted = Admitted(scope, caller);
        var neverIssued = $"MNV-{filed.Sequence + 1000}";

        var get = await CallOutcome.Of(() => reader.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = filed.Id, IncludeHistory = true }).ResponseAsync);
        var getVersion = await CallOutcome.Of(() => reader.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = filed.Id, Version = 1 }).ResponseAsync);
        var export = await CallOutcome.Of(() => reader.Notifications.ExportNotificationAsync(new ExportNotificationRequest { NotificationId = filed.Id, Format = ExportFormat.OcmKvn }).ResponseAsync);
        var attachment = await CallOutcome.Of(() => reader.Notifications.GetAttachmentAsync(new GetAttachmentRequest { NotificationId = filed.Id, Role = AttachmentRole.Source }).ResponseAsync);
        var listed = await ListedIdsAsync(reader, new ListNotificationsRequest());
        var listedByObject = await ListedIdsAsync(reader, new ListNotificationsRequest { NoradCatId = 25544 });
        var listedByFiler = await ListedIdsAsync(reader, new ListNotificationsRequest { FilingOperator = "filer-ops" });

        if (admitted)
        {
            Assert.Multiple(() =>
            {
                Assert.That(get.Code, Is.EqualTo(StatusCode.OK));
                Assert.That(getVersion.Code, Is.EqualTo(StatusCode.OK));
                Assert.That(export.Code, Is.EqualTo(StatusCode.OK));
                // It has no source message: the attachment, not the notification, is what is missing.
                Assert.That(attachment.Code, Is.EqualTo(StatusCode.NotFound));
                Assert.That(attachment.Detail, Does.Contain("attachment of " + filed.Id));
                Assert.That(listed, Does.Contain(filed.Id));
                Assert.That(listedByObject, Does.Contain(filed.Id));
                Assert.That(listedByFiler, Does.Contain(filed.Id));
            });
            return;
        }
        var expected = await CallOutcome.Of(() => reader.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = neverIssued }).ResponseAsync);
        var expectedVersion = await CallOutcome.Of(() => reader.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = neverIssued, Version = 1 }).ResponseAsync);
        Assert.That(expected.Code, Is.EqualTo(StatusCode.NotFound));
        Assert.Multiple(() =>
        {
            Assert.That(get, Is.EqualTo(Hidden(expected, neverIssued, filed.Id)), "GetNotification");
            Assert.That(getVersion, Is.EqualTo(Hidden(expected, neverIssued, filed.Id)), "GetNotification at a version reads the audience in force now");
            Assert.That(export, Is.EqualTo(Hidden(expected, neverIssued, filed.Id)), "ExportNotification");
            Assert.That(attachment, Is.EqualTo(Hidden(expected, neverIssued, filed.Id)), "GetAttachment");
            Assert.That(expectedVersion.Code, Is.EqualTo(StatusCode.NotFound));
            Assert.That(listed, Does.Not.Contain(filed.Id));
            Assert.That(listedByObject, Does.Not.Contain(filed.Id), "a filter on its object finds nothing");
            Assert.That(listedByFiler, Does.Not.Contain(filed.Id), "a filter on its filer finds nothing");
        });
    }

    [Test]
    public async Task A_listing_page_is_full_of_what_the_reader_may_see_and_pages_never_hint_at_what_was_left_out()
    {
        var visible = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            visible.Add((await FileAsync(AudienceScope.Public)).Id);
            await FileAsync(AudienceScope.Bilateral);
        }
        var first = await _other.Notifications.ListNotificationsAsync(new ListNotificationsRequest { PageSize = 2 });
        var second = await _other.Notifications.ListNotificationsAsync(new ListNotificationsRequest { PageSize = 2, PageToken = first.NextPageToken });
        Assert.That(first.Notifications.Select(n => n.Id), Is.EqualTo(new[] { visible[2], visible[1] }));
        Assert.That(second.Notifications.Select(n => n.Id), Is.EqualTo(new[] { visible[0] }));
        Assert.That(second.NextPageToken, Is.Empty);
    }

    [Test]
    public async Task A_subscription_replays_and_streams_a_restricted_notification_to_its_audience_only()
    {
        // A subscription replays what was recorded since it was made: make them, file, then open the streams.
        var toNamed = await _named.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "all" });
        var toOther = await _other.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "all" });
        var before = await FileAsync(AudienceScope.Named);
        using var named = StreamProbe.Open(_named, toNamed.Id);
        using var other = StreamProbe.Open(_other, toOther.Id);
        Assert.That((await named.ReadUntilCaughtUpAsync()).Select(e => e.Notification.Id), Is.EqualTo(new[] { before.Id }), "replayed to the named party");
        Assert.That(await other.ReadUntilCaughtUpAsync(), Is.Empty, "not replayed to anyone else");

        var live = await FileAsync(AudienceScope.Bilateral);
        var witness = await FileAsync(AudienceScope.Registered);

        Assert.That((await named.ReadEventsAsync(3)).Select(e => e.Notification.Id), Is.EqualTo(new[] { before.Id, live.Id, witness.Id }));
        Assert.That((await other.ReadEventsAsync(1)).Select(e => e.Notification.Id), Is.EqualTo(new[] { witness.Id }),
            "the registered notification came after the bilateral one: the bilateral one was passed over");
        Assert.That(named.Events[1].Notification.Audience, Is.EqualTo(new Audience { Scope = AudienceScope.Bilateral, Organizations = { "named-ops" } }));
    }

    [Test]
    public async Task Without_an_api_key_only_the_four_reads_answer_and_a_bad_key_is_refused_rather_than_read_as_none()
    {
        var filed = await FileAsync(AudienceScope.Public);
        Assert.That((await _anonymous.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = filed.Id })).Notification.Id, Is.EqualTo(filed.Id));
        var file = await CallOutcome.Of(() => _anonymous.Notifications.FileNotificationAsync(Notices.File(Notices.Maneuver())).ResponseAsync);
        Assert.That(file.Code, Is.EqualTo(StatusCode.Unauthenticated));
        var revoked = _host.Client("not-a-key-of-anyone-0123456789abcdef");
        var get = await CallOutcome.Of(() => revoked.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = filed.Id }).ResponseAsync);
        Assert.That(get.Code, Is.EqualTo(StatusCode.Unauthenticated));
    }

    [Test]
    public async Task An_amendment_may_widen_an_audience_but_never_hide_the_notification_from_anyone_who_sees_it_now()
    {
        var filed = await FileAsync(AudienceScope.Named);
        var narrower = await CallOutcome.Of(() => _filer.Notifications.AmendNotificationAsync(Amend(filed, new Audience { Scope = AudienceScope.Bilateral, Organizations = { "other-ops" } })).ResponseAsync);
        Assert.That(narrower.Code, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(CallOutcome.Violations(narrower.Exception!), Is.EqualTo(new[]
        {
            ("audience.scope", $"Bilateral other-ops would hide {filed.Id} from organisations named-ops, who can see it now; an amendment may widen an audience, never narrow it"),
        }));

        var kept = (await _filer.Notifications.AmendNotificationAsync(Amend(filed, null))).Notification;
        Assert.That(kept.Audience, Is.EqualTo(filed.Audience), "an amendment that sets no audience keeps it");
        var widened = (await _filer.Notifications.AmendNotificationAsync(Amend(kept, new Audience { Scope = AudienceScope.Named, Organizations = { "named-ops", "other-ops" } }))).Notification;
        Assert.That(widened.Version, Is.EqualTo(3));
        Assert.That((await _other.Notifications.GetNotificationAsync(new GetNotificationRequest { NotificationId = filed.Id, IncludeHistory = true })).History, Has.Count.EqualTo(3),
            "now admitted, it reads every version");
        var registered = await CallOutcome.Of(() => _filer.Notifications.AmendNotificationAsync(Amend(widened, new Audience { Scope = AudienceScope.Registered })).ResponseAsync);
        Assert.That(registered.Code, Is.EqualTo(StatusCode.OK));
        var backToNamed = await CallOutcome.Of(() => _filer.Notifications.AmendNotificationAsync(Amend(((FileNotificationResponse)registered.Response!).Notification, new Audience { Scope = AudienceScope.Named, Organizations = { "named-ops", "other-ops" } })).ResponseAsync);
        Assert.That(CallOutcome.Violations(backToNamed.Exception!).Single().Field, Is.EqualTo("audience.scope"));
    }

    [Test]
    public async Task Bad_audiences_and_embargoes_are_refused_naming_every_bad_field()
    {
        var request = Notices.File(Notices.Maneuver());
        request.Audience = new Audience { Scope = AudienceScope.Named, Organizations = { "named-ops", "no-such-ops", "named-ops" } };
        request.Embargo = new Embargo
        {
            Audience = new Audience { Scope = AudienceScope.Registered },
            Until = Timestamp.FromDateTime(DateTime.UtcNow.AddHours(-1)),
        };
        var refused = await CallOutcome.Of(() => _filer.Notifications.FileNotificationAsync(request).ResponseAsync);
        Assert.That(refused.Code, Is.EqualTo(StatusCode.InvalidArgument));
        // The embargo is not compared with an audience that is not one; it is once the audience is.
        Assert.That(CallOutcome.Violations(refused.Exception!).Select(v => v.Field), Is.EquivalentTo(new[] { "audience.organizations[2]", "embargo.until" }));
        request.Audience.Organizations.RemoveAt(2);
        var notNarrower = await CallOutcome.Of(() => _filer.Notifications.FileNotificationAsync(request).ResponseAsync);
        Assert.That(CallOutcome.Violations(notNarrower.Exception!).Select(v => v.Field), Is.EquivalentTo(new[] { "embargo.until", "embargo.audience.scope" }),
            "no-such-ops is looked up in the directory only once the request is otherwise sound");

        request.Embargo.Audience = new Audience { Scope = AudienceScope.Bilateral, Organizations = { "named-ops" } };
        request.Embargo.Until = Timestamp.FromDateTime(DateTime.UtcNow.AddHours(1));
        var unknown = await CallOutcome.Of(() => _filer.Notifications.FileNotificationAsync(request).ResponseAsync);
        Assert.That(CallOutcome.Violations(unknown.Exception!), Is.EqualTo(new[] { ("audience.organizations[1]", "no organisation no-such-ops in the directory") }));

        var bilateral = Notices.File(Notices.Maneuver());
        bilateral.Audience = new Audience { Scope = AudienceScope.Bilateral, Organizations = { "named-ops", "other-ops" } };
        bilateral.Embargo = new Embargo { Until = Timestamp.FromDateTime(DateTime.UtcNow.AddHours(1)) };
        var twice = await CallOutcome.Of(() => _filer.Notifications.FileNotificationAsync(bilateral).ResponseAsync);
        Assert.That(CallOutcome.Violations(twice.Exception!).Select(v => v.Field), Is.EquivalentTo(new[] { "audience.organizations", "embargo.audience" }));
    }

    [Test]
    public async Task A_consultation_about_a_restricted_notification_needs_every_party_in_its_audience()
    {
        var filed = await FileAsync(AudienceScope.Named);
        var byOutsider = Consulting.Request("filer-ops");
        byOutsider.NotificationId = filed.Id;
        var outsider = await CallOutcome.Of(() => _other.Consultations.RequestConsultationAsync(byOutsider).ResponseAsync);
        Assert.That(CallOutcome.Violations(outsider.Exception!), Is.EqualTo(new[] { ("notification_id", $"{filed.Id} not found") }));

        var withOutsider = Consulting.Request("named-ops", "other-ops");
        withOutsider.NotificationId = filed.Id;
        var counterpart = await CallOutcome.Of(() => _filer.Consultations.RequestConsultationAsync(withOutsider).ResponseAsync);
        Assert.That(CallOutcome.Violations(counterpart.Exception!).Single().Field, Is.EqualTo("counterparts[1]"));

        var admitted = Consulting.Request("named-ops");
        admitted.NotificationId = filed.Id;
        Assert.That((await _filer.Consultations.RequestConsultationAsync(admitted)).NotificationId, Is.EqualTo(filed.Id));
    }

    [Test]
    public async Task Changes_and_references_to_a_notification_someone_may_not_see_are_answered_as_for_an_id_never_issued()
    {
        var filed = await FileAsync(AudienceScope.Named);
        var never = filed.Id.Replace("-", "-99", StringComparison.Ordinal);
        // Amending or cancelling: NOT_FOUND in the words of an id never issued, never "filed by filer-ops".
        var amended = await CallOutcome.Of(() => _other.Notifications.AmendNotificationAsync(Amend(filed, null)).ResponseAsync);
        var neverIssued = Amend(filed, null);
        neverIssued.NotificationId = never;
        var amendedNever = await CallOutcome.Of(() => _other.Notifications.AmendNotificationAsync(neverIssued).ResponseAsync);
        Assert.That(amended.Code, Is.EqualTo(StatusCode.NotFound));
        Assert.That(amended.Detail, Is.EqualTo(amendedNever.Detail.Replace(never, filed.Id, StringComparison.Ordinal)));
        var cancelled = await CallOutcome.Of(() => _other.Notifications.CancelNotificationAsync(
            new CancelNotificationRequest { NotificationId = filed.Id, RequestId = Guid.NewGuid().ToString(), Reason = "probe" }).ResponseAsync);
        Assert.That(cancelled.Code, Is.EqualTo(StatusCode.NotFound));
        Assert.That(cancelled.Detail, Does.Not.Contain("filer-ops"));
        // One it admits, but not its filer, is refused as such.
        var byNamed = await CallOutcome.Of(() => _named.Notifications.AmendNotificationAsync(Amend(filed, null)).ResponseAsync);
        Assert.That(byNamed.Code, Is.EqualTo(StatusCode.PermissionDenied));

        // Naming it as a related notification: "there is no notification", as for one never issued.
        var related = Notices.File(Notices.Maneuver());
        related.RelatedNotificationIds.Add(filed.Id);
        related.RelatedNotificationIds.Add(never);
        var refused = await CallOutcome.Of(() => _other.Notifications.FileNotificationAsync(related).ResponseAsync);
        Assert.That(CallOutcome.Violations(refused.Exception!), Is.EqualTo(new[]
        {
            ("related_notification_ids[0]", $"there is no notification {filed.Id}"), ("related_notification_ids[1]", $"there is no notification {never}"),
        }));

        // One who may see it may relate to it only what the same organisations (or fewer) will see: a public notice
        // naming it would name it, and its kind, to everyone.
        var widerByNamed = Notices.File(Notices.Maneuver());
        widerByNamed.RelatedNotificationIds.Add(filed.Id);
        var wider = await CallOutcome.Of(() => _named.Notifications.FileNotificationAsync(widerByNamed).ResponseAsync);
        Assert.That(CallOutcome.Violations(wider.Exception!).Single().Field, Is.EqualTo("related_notification_ids[0]"));
        var sameByNamed = Notices.File(Notices.Maneuver());
        sameByNamed.RelatedNotificationIds.Add(filed.Id);
        sameByNamed.Audience = new Audience { Scope = AudienceScope.Bilateral, Organizations = { "filer-ops" } };
        Assert.That((await _named.Notifications.FileNotificationAsync(sameByNamed)).Notification.RelatedNotificationIds, Is.EqualTo(new[] { filed.Id }));

        // The prober's own audit records do not name the owner of what it was told does not exist; the owner's do.
        var probes = (await _other.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { TargetId = filed.Id })).Records;
        Assert.That(probes, Is.Not.Empty);
        Assert.That(probes.Select(r => r.TargetOwner), Is.All.Empty);
        var owners = (await _filer.Audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { TargetId = filed.Id })).Records;
        Assert.That(owners.Where(r => r.OrganizationId == "other-ops").Select(r => r.TargetOwner), Is.Not.Empty.And.All.EqualTo("filer-ops"));
    }

    private ExchangeClient Client(Caller caller) => caller switch
    {
        Caller.Filer => _filer,
        Caller.Named => _named,
        Caller.Other => _other,
        Caller.Anonymous => _anonymous,
        _ => _admin,
    };

    private async Task<Notification> FileAsync(AudienceScope scope)
    {
        var request = Notices.File(Notices.Maneuver());
        request.Audience = new Audience { Scope = scope };
        if (scope is AudienceScope.Named or AudienceScope.Bilateral)
        {
            request.Audience.Organizations.Add("named-ops");
        }
        return (await _filer.Notifications.FileNotificationAsync(request)).Notification;
    }

    private static AmendNotificationRequest Amend(Notification current, Audience? audience) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        NotificationId = current.Id,
        Maneuver = current.Maneuver,
        Audience = audience,
    };

    private static async Task<List<string>> ListedIdsAsync(ExchangeClient reader, ListNotificationsRequest request) =>
        (await reader.Notifications.ListNotificationsAsync(request)).Notifications.Select(n => n.Id).ToList();

    private static async Task<StreamProbe> OpenStreamAsync(ExchangeClient client)
    {
        var subscription = await client.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { Name = "all" });
        var probe = StreamProbe.Open(client, subscription.Id);
        await probe.ReadUntilCaughtUpAsync();
        return probe;
    }

    /// <summary>The answer for the never-issued id, with the restricted notification's id in its place.</summary>
    private static CallOutcome Hidden(CallOutcome neverIssued, string neverIssuedId, string id) =>
        neverIssued with { Detail = neverIssued.Detail.Replace(neverIssuedId, id, StringComparison.Ordinal), Exception = null, Response = null };
}
