using NotificationExchange.Domain.Audit;
using NotificationExchange.Domain.Storage;
using NUnit.Framework;

namespace NotificationExchange.Storage.Tests.Contract;

// The audit: records appended in the log writer's commits, their owners filled in by the store, and who sees which.
public abstract partial class ExchangeStoreContract
{
    private static AuditRecord Call(string organization, AuditAction action, AuditTargetKind kind, string? target, int second, string outcome = "OK") =>
        new(0, LogEvents.Epoch.AddSeconds(second), organization, $"key:{organization}", "127.0.0.1", $"Rpc{action}", action, kind, target, null,
            action == AuditAction.Read ? null : $"req-{second}", outcome);

    [Test]
    public async Task Audit_records_read_back_in_order_with_their_ids_and_the_owner_of_their_target()
    {
        var store = Open();
        await store.WriteAsync(s => s.AppendNext("N-1", filingOperator: "op-a"));
        var filed = await store.WriteAsync(s => s.AppendAudit(Call("op-a", AuditAction.File, AuditTargetKind.Notification, "N-1", 1)));
        var read = await store.WriteAsync(s => s.AppendAudit(Call("op-b", AuditAction.Read, AuditTargetKind.Notification, "N-1", 2)));
        var missing = await store.WriteAsync(s => s.AppendAudit(Call("op-b", AuditAction.Read, AuditTargetKind.Notification, "N-9", 3, "NOT_FOUND")));
        var administered = await store.WriteAsync(s => s.AppendAudit(Call("admin", AuditAction.Administer, AuditTargetKind.Organization, "op-z", 4)));

        Assert.That(filed.Id, Is.GreaterThan(0));
        Assert.That(read.Id, Is.GreaterThan(filed.Id));
        Assert.That(read.TargetOwner, Is.EqualTo("op-a"), "a notification's owner is its filer");
        Assert.That(missing.TargetOwner, Is.Null, "an id that names nothing has no owner");
        Assert.That(administered.TargetOwner, Is.Null, "an organisation that does not exist owns nothing");

        var all = await store.Audit.ListAuditRecordsAsync(new AuditQuery(null, null, null, null, null, null, 0, 10), CancellationToken.None);
        Assert.That(all.Records, Is.EqualTo(new[] { filed, read, missing, administered }));
        Assert.That(all.HasMore, Is.False);
    }

    [Test]
    public async Task An_organisation_sees_its_own_calls_and_others_calls_about_what_it_owns_only()
    {
        var store = Open();
        await store.WriteAsync(s => s.AppendNext("N-1", filingOperator: "op-a"));
        await store.WriteAsync(s => s.AppendNext("N-2", filingOperator: "op-c"));
        var aFiles = await store.WriteAsync(s => s.AppendAudit(Call("op-a", AuditAction.File, AuditTargetKind.Notification, "N-1", 1)));
        var bReadsA = await store.WriteAsync(s => s.AppendAudit(Call("op-b", AuditAction.Read, AuditTargetKind.Notification, "N-1", 2)));
        var bReadsC = await store.WriteAsync(s => s.AppendAudit(Call("op-b", AuditAction.Read, AuditTargetKind.Notification, "N-2", 3)));
        var cFiles = await store.WriteAsync(s => s.AppendAudit(Call("op-c", AuditAction.File, AuditTargetKind.Notification, "N-2", 4)));

        Task<AuditPage> As(string? viewer) => store.Audit.ListAuditRecordsAsync(new AuditQuery(viewer, null, null, null, null, null, 0, 10), CancellationToken.None);
        Assert.That((await As("op-a")).Records, Is.EqualTo(new[] { aFiles, bReadsA }), "who read my maneuver: B did");
        Assert.That((await As("op-b")).Records, Is.EqualTo(new[] { bReadsA, bReadsC }), "its own calls");
        Assert.That((await As("op-c")).Records, Is.EqualTo(new[] { bReadsC, cFiles }), "nothing of A's");
        Assert.That((await As("op-d")).Records, Is.Empty);
    }

    [Test]
    public async Task Audit_queries_filter_by_organisation_action_target_and_time_and_page_by_id()
    {
        var store = Open();
        var records = new List<AuditRecord>();
        for (var i = 0; i < 6; i++)
        {
            var organization = i % 2 == 0 ? "op-a" : "op-b";
            var action = i < 3 ? AuditAction.Read : AuditAction.Consult;
            var at = i * 10;
            records.Add(await store.WriteAsync(s => s.AppendAudit(Call(organization, action, AuditTargetKind.Consultation, $"CON-{i % 3}", at))));
        }
        Task<AuditPage> List(AuditQuery query) => store.Audit.ListAuditRecordsAsync(query, CancellationToken.None);
        var everything = new AuditQuery(null, null, null, null, null, null, 0, 100);

        Assert.That((await List(everything with { OrganizationId = "op-b" })).Records, Is.EqualTo(new[] { records[1], records[3], records[5] }));
        Assert.That((await List(everything with { Action = AuditAction.Consult })).Records, Is.EqualTo(records[3..]));
        Assert.That((await List(everything with { TargetId = "CON-1" })).Records, Is.EqualTo(new[] { records[1], records[4] }));
        Assert.That((await List(everything with { Since = LogEvents.Epoch.AddSeconds(20), Until = LogEvents.Epoch.AddSeconds(40) })).Records,
            Is.EqualTo(new[] { records[2], records[3] }), "since is inclusive, until exclusive");

        var first = await List(everything with { PageSize = 4 });
        Assert.That(first.Records, Is.EqualTo(records[..4]));
        Assert.That(first.HasMore, Is.True);
        var second = await List(everything with { PageSize = 4, AfterId = first.Records[^1].Id });
        Assert.That(second.Records, Is.EqualTo(records[4..]));
        Assert.That(second.HasMore, Is.False);
    }

    [Test]
    public async Task An_audit_record_in_a_write_that_fails_is_not_kept_and_others_in_the_same_commit_are()
    {
        var store = Open();
        var kept = store.WriteAsync(s => s.AppendAudit(Call("op-a", AuditAction.Read, AuditTargetKind.Notification, "N-1", 1)));
        var failed = store.WriteAsync<AuditRecord>(s =>
        {
            s.AppendAudit(Call("op-b", AuditAction.Read, AuditTargetKind.Notification, "N-1", 2));
            throw new InvalidOperationException("this write fails after its record");
        });
        await kept;
        await Assert.ThrowsAsync<InvalidOperationException>(() => failed);

        var all = await store.Audit.ListAuditRecordsAsync(new AuditQuery(null, null, null, null, null, null, 0, 10), CancellationToken.None);
        Assert.That(all.Records.Select(r => r.OrganizationId), Is.EqualTo(new[] { "op-a" }));
    }
}
