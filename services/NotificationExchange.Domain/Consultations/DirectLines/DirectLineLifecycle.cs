using NotificationExchange.Domain.Consultations.DirectLines.Commands;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Domain.Consultations.DirectLines;

/// <summary>
/// The rules of direct lines, run inside the write transaction so that what they check (one line per pair, the line's
/// state, a request id's first use) cannot change before what they write is committed. A line is PROPOSED by one
/// organisation and becomes ACTIVE when the other accepts it, each change an event in the log for both sides'
/// streams; to anyone else it does not exist (NOT_FOUND, the same words as for an id never issued). Request ids are remembered with the consultations' and notifications' (one
/// space per organisation): the line's id and version 1 for a proposal, 2 for an acceptance.
/// </summary>
public sealed class DirectLineLifecycle(TimeProvider clock)
{
    /// <summary>
    /// Proposes a line under <paramref name="newId"/> (chosen by the caller, outside the write), or answers the retry it
    /// is. <paramref name="fingerprint"/> is the command's digest, everything but its request id.
    /// </summary>
    public DirectLineOutcome Propose(ILogWriteSession session, ProposeDirectLineCommand command, byte[] fingerprint, string newId)
    {
        if (Replay(session, command.OrganizationId, command.RequestId, fingerprint) is { } replayed)
        {
            return replayed;
        }
        if (session.FindDirectLineBetween(command.OrganizationId, command.Counterpart) is { } existing)
        {
            var next = existing.State == DirectLineState.Proposed && existing.ProposedBy == command.Counterpart
                ? $"; {command.OrganizationId} can accept it (AcceptDirectLine)"
                : "";
            throw new ExchangeRuleException(RuleViolationKind.AlreadyExists,
                $"direct line {existing.Id} between {existing.ProposedBy} and {existing.Counterpart} already exists ({Name(existing.State)}){next}");
        }
        var now = Now();
        var line = new DirectLine(newId, command.OrganizationId, command.Counterpart, DirectLineState.Proposed, command.Purpose, now, null);
        return Record(session, DirectLineEventType.Proposed, now, line, command.OrganizationId, command.RequestId, fingerprint);
    }

    /// <summary>The line's counterpart accepts it, or the retry is answered.</summary>
    public DirectLineOutcome Accept(ILogWriteSession session, AcceptDirectLineCommand command, byte[] fingerprint)
    {
        if (Replay(session, command.OrganizationId, command.RequestId, fingerprint) is { } replayed)
        {
            return replayed;
        }
        var line = session.GetDirectLine(command.DirectLineId);
        if (line is null || !line.Joins(command.OrganizationId))
        {
            throw ExchangeRuleException.NotFound($"direct line {command.DirectLineId}");
        }
        if (line.ProposedBy == command.OrganizationId)
        {
            throw new ExchangeRuleException(RuleViolationKind.PermissionDenied,
                $"{command.OrganizationId} proposed {line.Id}; only its counterpart ({line.Counterpart}) can accept it");
        }
        RequireState(line, DirectLineState.Proposed);
        var now = Now();
        var accepted = line with { State = DirectLineState.Active, ActivatedAt = now };
        return Record(session, DirectLineEventType.Accepted, now, accepted, command.OrganizationId, command.RequestId, fingerprint);
    }

    /// <summary>
    /// A line the caller may ring: one it is on (else NOT_FOUND), ACTIVE (else FAILED_PRECONDITION naming its state).
    /// Checked before the ring's write, which is sound because a line's sides never change and it never leaves ACTIVE.
    /// </summary>
    public static DirectLine Ringable(DirectLine? line, string organizationId, string directLineId)
    {
        if (line is null || !line.Joins(organizationId))
        {
            throw ExchangeRuleException.NotFound($"direct line {directLineId}");
        }
        RequireState(line, DirectLineState.Active);
        return line;
    }

    /// <summary>A state as the wire names it (PROPOSED, ACTIVE).</summary>
    public static string Name(DirectLineState state) => WireNames.Of(state);

    /// <summary>The change as one event in the log (told to both sides), and the request id remembered with the version it made.</summary>
    private static DirectLineOutcome Record(
        ILogWriteSession session, DirectLineEventType type, DateTime now, DirectLine line, string actor, string requestId, byte[] fingerprint)
    {
        var recorded = new DirectLineRecorded(session.NextSequence, type, now, new DirectLineChange(line, actor));
        session.Append(recorded);
        session.RecordRequest(new IdempotencyRecord(actor, requestId, fingerprint, line.Id, line.Version));
        return new DirectLineOutcome(line, recorded);
    }

    private static DirectLineOutcome? Replay(ILogWriteSession session, string organizationId, string requestId, byte[] fingerprint)
    {
        if (session.FindRequest(organizationId, requestId) is not { } record)
        {
            return null;
        }
        var first = session.GetDirectLine(record.NotificationId);
        if (first is null)
        {
            throw ExchangeRuleException.Invalid("request_id", $"was already used for {record.NotificationId}; choose a new request id for a new request");
        }
        if (!record.Fingerprint.AsSpan().SequenceEqual(fingerprint))
        {
            throw ExchangeRuleException.Invalid("request_id",
                $"was already used for another request ({record.NotificationId} version {record.Version}); choose a new request id for a new request");
        }
        return new DirectLineOutcome(first.AsOfVersion(record.Version), null);
    }

    private static void RequireState(DirectLine line, DirectLineState needed)
    {
        if (line.State != needed)
        {
            throw new ExchangeRuleException(RuleViolationKind.FailedPrecondition,
                $"direct line {line.Id} is {Name(line.State)}; this needs it {Name(needed)}");
        }
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
