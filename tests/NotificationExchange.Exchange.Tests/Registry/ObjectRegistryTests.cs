using Grpc.Core;
using NotificationExchange.Exchange.Tests.Support;
using NotificationExchange.Protocol.V1;
using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Registry;

/// <summary>
/// The object registry end to end: registration and re-registration by the operator, a second organisation's claim
/// refused and resolved by an administrator, release, what others see of the orbit, and every fault named by its field.
/// </summary>
public class ObjectRegistryTests
{
    private TestDatabase _database = null!;
    private ExchangeHost _host = null!;
    private static int _nextObject = 40_000;

    [OneTimeSetUp]
    public async Task StartExchange()
    {
        _database = new TestDatabase();
        _host = await ExchangeHost.StartAsync(_database.Path);
    }

    [OneTimeTearDown]
    public async Task StopExchange()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    /// <summary>A catalogue number no other test of this class registers.</summary>
    private static int NewObject() => Interlocked.Increment(ref _nextObject);

    private async Task<(ExchangeClient A, ExchangeClient B, string Prefix)> OrganisationsAsync()
    {
        var prefix = $"reg{Random.Shared.Next(100_000, 999_999)}";
        return (await _host.NewOperatorAsync($"{prefix}-a"), await _host.NewOperatorAsync($"{prefix}-b"), prefix);
    }

    [Test]
    public async Task An_operator_registers_an_object_reads_it_back_and_re_registers_it()
    {
        var (a, _, p) = await OrganisationsAsync();
        var norad = NewObject();
        var request = RegistryOrbits.Registration(norad);

        var registered = await a.Registry.RegisterObjectAsync(request);

        Assert.That((registered.Object.NoradCatId, registered.OperatorId, registered.HardBodyRadiusM, registered.Sharing, registered.Regime),
            Is.EqualTo(((uint)norad, $"{p}-a", 5.0, SharingPolicy.DerivedOnly, OrbitalRegime.Leo)));
        Assert.That(registered.Orbit.Tle, Is.EqualTo(request.Orbit.Tle), "the TLE is kept exactly as given");
        Assert.That(registered.OrbitEpoch.ToDateTime(), Is.EqualTo(new DateTime(2022, 7, 15, 12, 14, 42, 324, DateTimeKind.Utc)).Within(TimeSpan.FromMilliseconds(1)));
        Assert.That(await a.Registry.GetObjectAsync(new GetObjectRequest { NoradCatId = (uint)norad }), Is.EqualTo(registered));
        Assert.That(await a.Registry.RegisterObjectAsync(request), Is.EqualTo(registered), "a retry gets the first answer");

        var update = RegistryOrbits.Registration(norad, SharingPolicy.FullState, radius: 12.5);
        update.Orbit = new ObjectOrbit { Omm = RegistryOrbits.Omm(norad) };
        var updated = await a.Registry.RegisterObjectAsync(update);

        Assert.That((updated.HardBodyRadiusM, updated.Sharing, updated.Orbit.Omm), Is.EqualTo((12.5, SharingPolicy.FullState, update.Orbit.Omm)));
        Assert.That(updated.RegisteredAt, Is.EqualTo(registered.RegisteredAt), "re-registration keeps when it was first registered");
        Assert.That(updated.UpdatedAt.ToDateTime(), Is.GreaterThanOrEqualTo(registered.UpdatedAt.ToDateTime()));
        var reused = await GrpcAssert.InvalidFieldsAsync(async () => await a.Registry.RegisterObjectAsync(new RegisterObjectRequest(update) { RequestId = request.RequestId }));
        Assert.That(reused["request_id"], Does.Contain("was already used for another request"));
    }

    [Test]
    public async Task A_second_organisations_claim_is_refused_listed_and_awarded_by_an_administrator()
    {
        var (a, b, p) = await OrganisationsAsync();
        var norad = NewObject();
        await a.Registry.RegisterObjectAsync(RegistryOrbits.Registration(norad));
        var claimRequest = RegistryOrbits.Registration(norad, radius: 7);

        var refused = await GrpcAssert.FailsWithAsync(StatusCode.AlreadyExists, async () => await b.Registry.RegisterObjectAsync(claimRequest));
        Assert.That(refused.Status.Detail, Does.Contain($"object {norad} is registered by {p}-a"));
        var again = await GrpcAssert.FailsWithAsync(StatusCode.AlreadyExists, async () => await b.Registry.RegisterObjectAsync(claimRequest));
        Assert.That(again.Status.Detail, Is.EqualTo(refused.Status.Detail), "a retry is refused the same way, with the same claim");

        var admin = _host.Admin();
        var claims = (await admin.Registry.ListObjectClaimsAsync(new ListObjectClaimsRequest())).Claims.Where(c => c.NoradCatId == norad).ToList();
        Assert.That(claims, Has.Count.EqualTo(1), "one claim, however often the refused request is retried");
        var claim = claims[0];
        Assert.That((claim.ClaimantId, claim.HolderId, claim.State), Is.EqualTo(($"{p}-b", $"{p}-a", ObjectClaimState.Pending)));
        Assert.That(claim.Id, Does.Match("^CLM-[a-z0-9]{16}$"));
        Assert.That(refused.Status.Detail, Does.Contain(claim.Id));

        var noNote = await GrpcAssert.InvalidFieldsAsync(async () => await admin.Registry.ResolveObjectClaimAsync(
            new ResolveObjectClaimRequest { RequestId = Guid.NewGuid().ToString("N"), ClaimId = claim.Id, Award = true }));
        Assert.That(noNote.Keys, Is.EquivalentTo(new[] { "note" }));

        var resolve = new ResolveObjectClaimRequest { RequestId = Guid.NewGuid().ToString("N"), ClaimId = claim.Id, Award = true, Note = "ITU filing shows b operates it" };
        var awarded = await admin.Registry.ResolveObjectClaimAsync(resolve);

        Assert.That((awarded.State, awarded.ResolutionNote), Is.EqualTo((ObjectClaimState.Awarded, "ITU filing shows b operates it")));
        Assert.That(awarded.ResolvedAt, Is.Not.Null);
        Assert.That(await admin.Registry.ResolveObjectClaimAsync(resolve), Is.EqualTo(awarded), "a retry gets the first answer");
        var owned = await b.Registry.GetObjectAsync(new GetObjectRequest { NoradCatId = (uint)norad });
        Assert.That((owned.OperatorId, owned.HardBodyRadiusM), Is.EqualTo(($"{p}-b", 7.0)), "the claim's registration is the object's now");
        Assert.That((await admin.Registry.ListObjectClaimsAsync(new ListObjectClaimsRequest())).Claims.Select(c => c.Id), Does.Not.Contain(claim.Id), "no longer pending");
        Assert.That((await admin.Registry.ListObjectClaimsAsync(new ListObjectClaimsRequest { IncludeResolved = true })).Claims, Does.Contain(awarded));
        var twice = await GrpcAssert.FailsWithAsync(StatusCode.FailedPrecondition, async () => await admin.Registry.ResolveObjectClaimAsync(
            new ResolveObjectClaimRequest { RequestId = Guid.NewGuid().ToString("N"), ClaimId = claim.Id, Award = false, Note = "again" }));
        Assert.That(twice.Status.Detail, Does.Contain("is AWARDED"));
        await GrpcAssert.FailsWithAsync(StatusCode.NotFound, async () => await a.Registry.ReleaseObjectAsync(
            new ReleaseObjectRequest { RequestId = Guid.NewGuid().ToString("N"), NoradCatId = (uint)norad }));
    }

    [Test]
    public async Task A_rejected_claim_leaves_the_object_with_its_holder()
    {
        var (a, b, p) = await OrganisationsAsync();
        var norad = NewObject();
        await a.Registry.RegisterObjectAsync(RegistryOrbits.Registration(norad));
        await GrpcAssert.FailsWithAsync(StatusCode.AlreadyExists, async () => await b.Registry.RegisterObjectAsync(RegistryOrbits.Registration(norad)));
        var admin = _host.Admin();
        var claim = (await admin.Registry.ListObjectClaimsAsync(new ListObjectClaimsRequest())).Claims.Single(c => c.NoradCatId == norad);

        var rejected = await admin.Registry.ResolveObjectClaimAsync(
            new ResolveObjectClaimRequest { RequestId = Guid.NewGuid().ToString("N"), ClaimId = claim.Id, Award = false, Note = "no evidence" });

        Assert.That((rejected.State, rejected.ResolutionNote), Is.EqualTo((ObjectClaimState.Rejected, "no evidence")));
        Assert.That((await b.Registry.GetObjectAsync(new GetObjectRequest { NoradCatId = (uint)norad })).OperatorId, Is.EqualTo($"{p}-a"));
    }

    [Test]
    public async Task Claims_are_for_administrators_only()
    {
        var (a, _, _) = await OrganisationsAsync();
        await GrpcAssert.FailsWithAsync(StatusCode.PermissionDenied, async () => await a.Registry.ListObjectClaimsAsync(new ListObjectClaimsRequest()));
        await GrpcAssert.FailsWithAsync(StatusCode.PermissionDenied, async () => await a.Registry.ResolveObjectClaimAsync(
            new ResolveObjectClaimRequest { RequestId = "r1", ClaimId = "CLM-0123456789abcdef", Award = true, Note = "mine" }));
        await GrpcAssert.FailsWithAsync(StatusCode.NotFound, async () => await _host.Admin().Registry.ResolveObjectClaimAsync(
            new ResolveObjectClaimRequest { RequestId = "r1", ClaimId = "CLM-0123456789abcdef", Award = true, Note = "mine" }));
    }

    [Test]
    public async Task The_orbit_is_seen_by_others_only_under_a_full_state_policy()
    {
        var (a, b, _) = await OrganisationsAsync();
        var hidden = NewObject();
        var shared = NewObject();
        await a.Registry.RegisterObjectAsync(RegistryOrbits.Registration(hidden, SharingPolicy.DerivedOnly));
        await a.Registry.RegisterObjectAsync(RegistryOrbits.Registration(shared, SharingPolicy.FullState));

        var hiddenToB = await b.Registry.GetObjectAsync(new GetObjectRequest { NoradCatId = (uint)hidden });
        var sharedToB = await b.Registry.GetObjectAsync(new GetObjectRequest { NoradCatId = (uint)shared });

        Assert.That(hiddenToB.Orbit, Is.Null, "derived only: the orbit is the operator's");
        Assert.That(hiddenToB.OrbitEpoch, Is.Not.Null, "what the directory is for stays visible");
        Assert.That((await a.Registry.GetObjectAsync(new GetObjectRequest { NoradCatId = (uint)hidden })).Orbit, Is.Not.Null);
        Assert.That(sharedToB.Orbit.Tle, Is.EqualTo(RegistryOrbits.Tle(shared)));
        var listed = (await b.Registry.ListObjectsAsync(new ListObjectsRequest { OperatorId = hiddenToB.OperatorId })).Objects;
        Assert.That(listed.Select(o => (o.Object.NoradCatId, o.Orbit is null)), Is.EqualTo(new[] { ((uint)hidden, true), ((uint)shared, false) }));
    }

    [Test]
    public async Task Listing_pages_by_catalogue_number_and_a_release_removes_the_object()
    {
        var (a, _, p) = await OrganisationsAsync();
        var numbers = new[] { NewObject(), NewObject(), NewObject() };
        foreach (var norad in numbers)
        {
            await a.Registry.RegisterObjectAsync(RegistryOrbits.Registration(norad));
        }

        var first = await a.Registry.ListObjectsAsync(new ListObjectsRequest { OperatorId = $"{p}-a", PageSize = 2 });
        var second = await a.Registry.ListObjectsAsync(new ListObjectsRequest { OperatorId = $"{p}-a", PageSize = 2, PageToken = first.NextPageToken });

        Assert.That(first.Objects.Concat(second.Objects).Select(o => (int)o.Object.NoradCatId), Is.EqualTo(numbers));
        Assert.That(second.NextPageToken, Is.Empty);
        var bad = await GrpcAssert.InvalidFieldsAsync(async () => await a.Registry.ListObjectsAsync(new ListObjectsRequest { PageSize = 501, PageToken = "xyz" }));
        Assert.That(bad.Keys, Is.EquivalentTo(new[] { "page_size", "page_token" }));

        var release = new ReleaseObjectRequest { RequestId = Guid.NewGuid().ToString("N"), NoradCatId = (uint)numbers[1] };
        await a.Registry.ReleaseObjectAsync(release);
        await a.Registry.ReleaseObjectAsync(release);
        await GrpcAssert.FailsWithAsync(StatusCode.NotFound, async () => await a.Registry.GetObjectAsync(new GetObjectRequest { NoradCatId = (uint)numbers[1] }));
    }

    [Test]
    public async Task An_ephemeris_is_registered_with_its_first_states_epoch_and_regime()
    {
        var (a, _, _) = await OrganisationsAsync();
        var norad = NewObject();
        var request = RegistryOrbits.Registration(norad);
        request.Orbit = new ObjectOrbit { Oem = RegistryOrbits.Oem("EME2000") };

        var registered = await a.Registry.RegisterObjectAsync(request);

        Assert.That((registered.Orbit.Oem, registered.Regime), Is.EqualTo((request.Orbit.Oem, OrbitalRegime.Leo)));
        Assert.That(registered.OrbitEpoch.ToDateTime(), Is.EqualTo(new DateTime(2022, 7, 15, 12, 0, 0, DateTimeKind.Utc)));
        var rotating = RegistryOrbits.Registration(norad);
        rotating.Orbit = new ObjectOrbit { Oem = RegistryOrbits.Oem("ITRF2000") };
        Assert.That((await GrpcAssert.InvalidFieldsAsync(async () => await a.Registry.RegisterObjectAsync(rotating)))["orbit.oem"], Does.Contain("REF_FRAME: 'ITRF2000' is not supported"));
    }

    [Test]
    public async Task Every_fault_of_a_registration_is_named_by_its_field()
    {
        var (a, _, _) = await OrganisationsAsync();
        var norad = NewObject();
        var badChecksum = RegistryOrbits.Registration(norad, radius: 0);
        badChecksum.Orbit.Tle.Line1 = badChecksum.Orbit.Tle.Line1[..68] + ((badChecksum.Orbit.Tle.Line1[68] - '0' + 1) % 10);
        badChecksum.RequestId = "";

        var faults = await GrpcAssert.InvalidFieldsAsync(async () => await a.Registry.RegisterObjectAsync(badChecksum));

        Assert.That(faults.Keys, Is.EquivalentTo(new[] { "request_id", "hard_body_radius_m", "orbit.tle.line1" }));
        Assert.That(faults["orbit.tle.line1"], Does.StartWith("column 69:").And.Contain("checksum"));

        var tooLarge = RegistryOrbits.Registration(norad, radius: 1000.5);
        tooLarge.Object.NoradCatId = 0;
        tooLarge.Orbit = null;
        var more = await GrpcAssert.InvalidFieldsAsync(async () => await a.Registry.RegisterObjectAsync(tooLarge));
        Assert.That(more.Keys, Is.EquivalentTo(new[] { "object.norad_cat_id", "hard_body_radius_m", "orbit" }));

        var otherTle = RegistryOrbits.Registration(norad);
        otherTle.Orbit.Tle = RegistryOrbits.Tle(norad + 1);
        var tleNumber = await GrpcAssert.InvalidFieldsAsync(async () => await a.Registry.RegisterObjectAsync(otherTle));
        Assert.That(tleNumber["orbit.tle.line1"], Does.Contain($"catalogue number {norad + 1} is not the object's ({norad})"));

        var otherOmm = RegistryOrbits.Registration(norad);
        otherOmm.Orbit = new ObjectOrbit { Omm = RegistryOrbits.Omm(norad + 1) };
        var ommNumber = await GrpcAssert.InvalidFieldsAsync(async () => await a.Registry.RegisterObjectAsync(otherOmm));
        Assert.That(ommNumber.Keys, Is.EquivalentTo(new[] { "orbit.omm" }));
        Assert.That(ommNumber["orbit.omm"], Does.Contain($"NORAD_CAT_ID {norad + 1} is not the object's catalogue number ({norad})"));

        var wrongFrame = RegistryOrbits.Registration(norad);
        wrongFrame.Orbit = new ObjectOrbit { Omm = RegistryOrbits.Omm(norad, frame: "EME2000") };
        Assert.That((await GrpcAssert.InvalidFieldsAsync(async () => await a.Registry.RegisterObjectAsync(wrongFrame)))["orbit.omm"], Does.Contain("TEME"));

        var notOem = RegistryOrbits.Registration(norad);
        notOem.Orbit = new ObjectOrbit { Oem = "CCSDS_OEM_VERS = 2.0\nnonsense" };
        Assert.That((await GrpcAssert.InvalidFieldsAsync(async () => await a.Registry.RegisterObjectAsync(notOem))).Keys, Is.EquivalentTo(new[] { "orbit.oem" }));
        await GrpcAssert.FailsWithAsync(StatusCode.NotFound, async () => await a.Registry.GetObjectAsync(new GetObjectRequest { NoradCatId = (uint)norad }));
    }
}
