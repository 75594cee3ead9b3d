using NotificationExchange.Domain.Consultations.Commands;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Registry;
using NotificationExchange.Domain.Registry.Commands;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Alerts.Registry;

/// <summary>
/// The registry of the objects organisations operate: one operator per object. Changes run inside the log writer's
/// transaction, so that what they check (who holds the object, a claim's state, a request id's first use) cannot change
/// before what they write is committed. Request ids share the organisation's one space with notifications and
/// consultations: a retry (the same id, the same request) is answered as the first time and changes nothing; the same
/// id for another request is refused on request_id.
/// </summary>
public sealed class ObjectRegistry(ILogWriter writer, IAlertStore store, TimeProvider clock)
{
    /// <summary>The longest resolution note.</summary>
    public const int MaxNoteLength = 2000;

    /// <summary>
    /// Registers an object for the caller, or replaces the caller's registration of it (keeping when it was first
    /// registered). An object another organisation holds is refused with ALREADY_EXISTS naming the holder, and the
    /// refused registration is kept as a PENDING claim for an administrator.
    /// </summary>
    public async Task<RegisteredObject> RegisterAsync(string requestId, ObjectRegistration registration, IEnumerable<FieldViolation> prior, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors(prior);
        RequireRequestId(requestId, errors);
        var command = new RegisterObjectCommand(requestId, RegistrationReading.Read(registration, errors));
        var fingerprint = NotificationJson.Fingerprint(command);
        var claimId = ObjectClaimIds.New();
        var outcome = await writer.WriteAsync(session => Register(session, command, fingerprint, claimId), cancellationToken);
        if (outcome.Claim is { } claim)
        {
            throw new ExchangeRuleException(RuleViolationKind.AlreadyExists,
                $"object {claim.NoradCatId} is registered by {claim.HolderId}; claim {claim.Id} by {claim.ClaimantId} is recorded for an administrator to resolve");
        }
        return outcome.Registered!;
    }

    public Task<RegisteredObject?> GetAsync(int noradCatId, CancellationToken cancellationToken) => store.GetObjectAsync(noradCatId, cancellationToken);

    /// <summary>Registered objects after <paramref name="afterNoradCatId"/>, by catalogue number; one organisation's or all.</summary>
    public Task<IReadOnlyList<RegisteredObject>> ListAsync(string? operatorId, int afterNoradCatId, int maxCount, CancellationToken cancellationToken) =>
        store.ListObjectsAsync(operatorId, afterNoradCatId, maxCount, cancellationToken);

    /// <summary>Whether <paramref name="callerId"/> may see the object's orbit data: its operator, or anyone when the policy shares it.</summary>
    public static bool OrbitVisibleTo(RegisteredObject registered, string callerId) =>
        registered.OperatorId == callerId || registered.Sharing == SharingPolicy.FullState;

    /// <summary>The caller stops operating the object; NOT_FOUND unless it is the caller's (as for an unregistered object).</summary>
    public async Task ReleaseAsync(ReleaseObjectCommand command, IEnumerable<FieldViolation> prior, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors(prior);
        RequireRequestId(command.RequestId, errors);
        SpaceObjectValidation.ValidateCatalogNumber("norad_cat_id", command.NoradCatId, errors);
        errors.ThrowIfAny();
        var fingerprint = NotificationJson.Fingerprint(command);
        await writer.WriteAsync(session => Release(session, command, fingerprint), cancellationToken);
    }

    public Task<IReadOnlyList<ObjectClaim>> ListClaimsAsync(bool includeResolved, CancellationToken cancellationToken) =>
        store.ListClaimsAsync(includeResolved, cancellationToken);

    /// <summary>
    /// An administrator's decision on a PENDING claim: an award makes the claim's registration the object's (whoever
    /// holds it now) and marks the claim AWARDED; a rejection marks it REJECTED. Either needs a note.
    /// </summary>
    public async Task<ObjectClaim> ResolveClaimAsync(ResolveObjectClaimCommand command, IEnumerable<FieldViolation> prior, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors(prior);
        RequireRequestId(command.RequestId, errors);
        if (string.IsNullOrEmpty(command.ClaimId))
        {
            errors.Add("claim_id", "is required");
        }
        errors.RequiredText("note", command.Note, MaxNoteLength);
        errors.ThrowIfAny();
        var fingerprint = NotificationJson.Fingerprint(command);
        return await writer.WriteAsync(session => Resolve(session, command, fingerprint), cancellationToken);
    }

    private RegistrationOutcome Register(ILogWriteSession session, RegisterObjectCommand command, byte[] fingerprint, string claimId)
    {
        var operatorId = command.Registration.OperatorId;
        if (session.FindRequest(operatorId, command.RequestId) is { } record)
        {
            return ReplayRegistration(session, record, fingerprint, command.Registration);
        }
        var now = Now();
        var existing = session.GetRegisteredObject(command.Registration.NoradCatId);
        if (existing is not null && existing.OperatorId != operatorId)
        {
            var claim = new ObjectClaim(claimId, command.Registration with { RegisteredAt = now, UpdatedAt = now }, existing.OperatorId, ObjectClaimState.Pending, now);
            session.SaveClaim(claim);
            session.RecordRequest(new IdempotencyRecord(operatorId, command.RequestId, fingerprint, claim.Id, 0));
            return new RegistrationOutcome(null, claim);
        }
        var registered = command.Registration with { RegisteredAt = existing?.RegisteredAt ?? now, UpdatedAt = now };
        session.SaveRegisteredObject(registered);
        session.RecordRequest(new IdempotencyRecord(operatorId, command.RequestId, fingerprint, ObjectKey(registered.NoradCatId), 0));
        return new RegistrationOutcome(registered, null);
    }

    /// <summary>
    /// A retry of a registration: the claim it recorded (refused again, naming the same holder), or the registration as
    /// it stands while the caller still holds it. The registry keeps no history of registrations, so once the object
    /// was released or passed to another the first answer cannot be given again: FAILED_PRECONDITION says so.
    /// </summary>
    private static RegistrationOutcome ReplayRegistration(ILogWriteSession session, IdempotencyRecord record, byte[] fingerprint, RegisteredObject asked)
    {
        RequireSameRequest(record, fingerprint);
        if (record.NotificationId.StartsWith(ObjectClaimIds.Prefix, StringComparison.Ordinal))
        {
            var claim = session.GetClaim(record.NotificationId) ?? throw UsedFor(record);
            return new RegistrationOutcome(null, claim);
        }
        if (record.NotificationId != ObjectKey(asked.NoradCatId))
        {
            throw UsedFor(record);
        }
        var current = session.GetRegisteredObject(asked.NoradCatId);
        if (current is null || current.OperatorId != asked.OperatorId)
        {
            throw new ExchangeRuleException(RuleViolationKind.FailedPrecondition,
                $"request_id answered an earlier registration of object {asked.NoradCatId}, which {asked.OperatorId} no longer holds; choose a new request id to register it again");
        }
        return new RegistrationOutcome(current, null);
    }

    private Unit Release(ILogWriteSession session, ReleaseObjectCommand command, byte[] fingerprint)
    {
        if (session.FindRequest(command.OperatorId, command.RequestId) is { } record)
        {
            RequireSameRequest(record, fingerprint);
            return default;
        }
        var existing = session.GetRegisteredObject(command.NoradCatId);
        if (existing is null || existing.OperatorId != command.OperatorId)
        {
            throw ExchangeRuleException.NotFound($"object {command.NoradCatId} registered by {command.OperatorId}");
        }
        session.RemoveRegisteredObject(command.NoradCatId);
        session.RecordRequest(new IdempotencyRecord(command.OperatorId, command.RequestId, fingerprint, ObjectKey(command.NoradCatId), 0));
        return default;
    }

    private ObjectClaim Resolve(ILogWriteSession session, ResolveObjectClaimCommand command, byte[] fingerprint)
    {
        if (session.FindRequest(command.AdministratorId, command.RequestId) is { } record)
        {
            RequireSameRequest(record, fingerprint);
            return session.GetClaim(record.NotificationId) ?? throw UsedFor(record);
        }
        var claim = session.GetClaim(command.ClaimId) ?? throw ExchangeRuleException.NotFound($"claim {Quoted.Value(command.ClaimId)}");
        if (claim.State != ObjectClaimState.Pending)
        {
            throw new ExchangeRuleException(RuleViolationKind.FailedPrecondition,
                $"claim {claim.Id} is {claim.State.ToString().ToUpperInvariant()}; only a PENDING claim can be resolved");
        }
        var now = Now();
        if (command.Award)
        {
            var previous = session.GetRegisteredObject(claim.NoradCatId);
            session.SaveRegisteredObject(claim.Claimed with
            {
                RegisteredAt = previous?.OperatorId == claim.ClaimantId ? previous.RegisteredAt : now,
                UpdatedAt = now,
            });
        }
        var resolved = claim with
        {
            State = command.Award ? ObjectClaimState.Awarded : ObjectClaimState.Rejected,
            ResolvedAt = now,
            ResolutionNote = command.Note,
        };
        session.SaveClaim(resolved);
        session.RecordRequest(new IdempotencyRecord(command.AdministratorId, command.RequestId, fingerprint, claim.Id, 0));
        return resolved;
    }

    /// <summary>The same id for another request is refused on request_id, as for notifications and consultations.</summary>
    private static void RequireSameRequest(IdempotencyRecord record, byte[] fingerprint)
    {
        if (!record.Fingerprint.AsSpan().SequenceEqual(fingerprint))
        {
            throw ExchangeRuleException.Invalid("request_id",
                $"was already used for another request ({record.NotificationId}); choose a new request id for a new request");
        }
    }

    private static ExchangeRuleException UsedFor(IdempotencyRecord record) =>
        ExchangeRuleException.Invalid("request_id", $"was already used for {record.NotificationId}; choose a new request id for a new request");

    /// <summary>A request id as consultations.proto defines it (alerts.proto: "as in consultations.proto").</summary>
    internal static void RequireRequestId(string requestId, ValidationErrors errors) => ConsultationCommandValidation.RequestId(requestId, errors);

    /// <summary>How a registration's request record names the object (claims are named by their CLM- id).</summary>
    private static string ObjectKey(int noradCatId) => $"object {noradCatId}";

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private readonly record struct Unit;
}
