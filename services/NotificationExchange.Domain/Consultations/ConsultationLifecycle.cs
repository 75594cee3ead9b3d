using NotificationExchange.Domain.Consultations.Commands;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Operators;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Domain.Consultations;

/// <summary>
/// The state machine of a consultation. Runs inside the write transaction, so that the state it checks cannot change
/// before what it writes is committed; each change is one event in the log carrying the whole consultation.
/// </summary>
/// <remarks>
/// States: REQUESTED until one counterpart accepts (OPEN), or all decline (DECLINED); OPEN until a participant
/// proposes closure (CLOSING), which every other participant confirms (CLOSED) or one contests (OPEN again); the
/// requester may withdraw until it is final (WITHDRAWN). Participants are the requester and the counterparts that
/// accepted. To an organisation that is not a party, a consultation does not exist (NOT_FOUND, the same words as for
/// an id never issued).
/// <para>
/// Every time it records (the request's deadline, acknowledgements and answers, closing) comes from the
/// <see cref="DeadlineClock"/>, the one clock the deadline service and <see cref="ConsultationEscalation"/> compare
/// deadlines on: a deadline, the answer that stops it and the escalation that follows it must lie on one timeline, or
/// "acknowledged before the deadline" would compare two clocks. Escalation itself is <see cref="ConsultationEscalation"/>:
/// the exchange's own transition, not a party's command.
/// </para>
/// </remarks>
public sealed class ConsultationLifecycle(DeadlineClock clock, ITranscriptDigester transcripts)
{
    /// <summary>
    /// Carries out a checked command, or answers it as the retry it is. <paramref name="fingerprint"/> is the command's
    /// digest (<see cref="NotificationJson.Fingerprint(ConsultationCommand)"/>); <paramref name="requesterContacts"/>
    /// are the caller's contact points, named in a new request's event.
    /// </summary>
    public ConsultationOutcome Run(ILogWriteSession session, ConsultationCommand command, byte[] fingerprint, IReadOnlyList<ContactPoint> requesterContacts)
    {
        if (session.FindRequest(command.OrganizationId, command.RequestId) is { } record)
        {
            return Replay(session, command, fingerprint, record);
        }
        var now = Now();
        var recorded = command switch
        {
            RequestConsultationCommand request => Request(session, request, now, requesterContacts),
            _ => Change(session, command, now),
        };
        session.Append(recorded);
        session.RecordRequest(new IdempotencyRecord(
            command.OrganizationId, command.RequestId, fingerprint, recorded.Consultation.Id, recorded.Consultation.Version));
        return new ConsultationOutcome(recorded, Replayed: false);
    }

    private ConsultationOutcome Replay(ILogWriteSession session, ConsultationCommand command, byte[] fingerprint, IdempotencyRecord record)
    {
        var first = session.GetConsultationVersion(record.NotificationId, record.Version);
        if (first is null)
        {
            throw ExchangeRuleException.Invalid("request_id", $"was already used for {record.NotificationId}; choose a new request id for a new request");
        }
        if (!record.Fingerprint.AsSpan().SequenceEqual(fingerprint) || first.Change.Actor != command.OrganizationId)
        {
            throw ExchangeRuleException.Invalid("request_id",
                $"was already used for another request ({record.NotificationId} version {record.Version}); choose a new request id for a new request");
        }
        return new ConsultationOutcome(first, Replayed: true);
    }

    private static ConsultationRecorded Request(ILogWriteSession session, RequestConsultationCommand request, DateTime now, IReadOnlyList<ContactPoint> contacts)
    {
        RequireFuture(request.ProposedTimes, now);
        var sequence = session.NextSequence;
        // A direct line's ring comes with both sides agreed: the counterpart has accepted, and nothing is pending.
        var ringing = request.DirectLineId is not null;
        var counterparts = request.Counterparts
            .Select(c => ringing
                ? new Counterpart(c, CounterpartState.Accepted, now, now, null, [], null)
                : Counterpart.Awaiting(c))
            .ToArray();
        var consultation = new Consultation
        {
            Id = ConsultationIds.For(sequence),
            Version = 1,
            Sequence = sequence,
            State = ringing ? ConsultationState.Open : ConsultationState.Requested,
            Requester = request.OrganizationId,
            Counterparts = counterparts,
            About = request.About,
            Subject = request.Subject,
            Body = request.Body,
            Urgency = request.Urgency,
            AcknowledgeBy = now + (request.AcknowledgeWithin ?? request.Urgency.DefaultAcknowledgementWindow()),
            ProposedTimes = request.ProposedTimes,
            CreatedAt = now,
            UpdatedAt = now,
            DirectLineId = request.DirectLineId,
        };
        return new ConsultationRecorded(sequence, ConsultationEventType.Requested, now, new ConsultationChange(consultation, request.OrganizationId, contacts));
    }

    private ConsultationRecorded Change(ILogWriteSession session, ConsultationCommand command, DateTime now)
    {
        var id = command.ConsultationId!;
        var actor = command.OrganizationId;
        var current = ConsultationAccess.Admitted(session.GetConsultation(id), actor, id).Consultation;
        var next = Next(session, current, now);
        var (type, changed, reason) = command switch
        {
            RespondToConsultationCommand respond => Respond(current, next, respond, now),
            WithdrawConsultationCommand withdraw => Withdraw(current, next, withdraw),
            ProposeClosureCommand propose => ProposeClosure(current, next, propose, now),
            ConfirmClosureCommand confirm => ConfirmClosure(session, current, next, confirm, now),
            ContestClosureCommand contest => ContestClosure(current, next, contest),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, null),
        };
        return new ConsultationRecorded(changed.Sequence, type, now, new ConsultationChange(changed, actor, [], Reason: reason));
    }

    private static (ConsultationEventType, Consultation, string?) Respond(Consultation current, Consultation next, RespondToConsultationCommand respond, DateTime now)
    {
        var counterpart = current.CounterpartOf(respond.OrganizationId)
            ?? throw new ExchangeRuleException(RuleViolationKind.PermissionDenied,
                $"{respond.OrganizationId} requested {current.Id}; only a counterpart can {Verb(respond.Response)} it");
        RequireState(current, respond.Response == ConsultationResponse.Acknowledge
            ? [ConsultationState.Requested, ConsultationState.Open, ConsultationState.Closing]
            : [ConsultationState.Requested, ConsultationState.Open]);
        var answered = respond.Response == ConsultationResponse.Acknowledge
            ? [CounterpartState.AwaitingAcknowledgement]
            : new[] { CounterpartState.AwaitingAcknowledgement, CounterpartState.Acknowledged, CounterpartState.ProposedTime };
        if (!answered.Contains(counterpart.State))
        {
            throw new ExchangeRuleException(RuleViolationKind.FailedPrecondition,
                $"{counterpart.OrganizationId} cannot {Verb(respond.Response)} {current.Id}: it is {WireNames.Of(counterpart.State)}");
        }
        var acknowledged = counterpart with { AcknowledgedAt = counterpart.AcknowledgedAt ?? now };
        switch (respond.Response)
        {
            case ConsultationResponse.Acknowledge:
                return (ConsultationEventType.Acknowledged, next with { Counterparts = Replace(current, acknowledged with { State = CounterpartState.Acknowledged }) }, null);
            case ConsultationResponse.Accept:
                return (ConsultationEventType.Accepted, next with
                {
                    Counterparts = Replace(current, acknowledged with { State = CounterpartState.Accepted, RespondedAt = now }),
                    State = current.State == ConsultationState.Requested ? ConsultationState.Open : current.State,
                }, null);
            case ConsultationResponse.Decline:
                var counterparts = Replace(current, acknowledged with { State = CounterpartState.Declined, RespondedAt = now, DeclineReason = respond.Reason });
                return (ConsultationEventType.Declined, next with
                {
                    Counterparts = counterparts,
                    State = counterparts.All(c => c.State == CounterpartState.Declined) ? ConsultationState.Declined : current.State,
                }, respond.Reason);
            case ConsultationResponse.ProposeTime:
                RequireFuture(respond.ProposedTimes, now);
                return (ConsultationEventType.TimeProposed, next with
                {
                    Counterparts = Replace(current, acknowledged with { State = CounterpartState.ProposedTime, RespondedAt = now, ProposedTimes = respond.ProposedTimes }),
                }, null);
            default:
                throw new ArgumentOutOfRangeException(nameof(respond), respond.Response, null);
        }
    }

    private static (ConsultationEventType, Consultation, string?) Withdraw(Consultation current, Consultation next, WithdrawConsultationCommand withdraw)
    {
        if (withdraw.OrganizationId != current.Requester)
        {
            throw new ExchangeRuleException(RuleViolationKind.PermissionDenied, $"only the requester ({current.Requester}) can withdraw {current.Id}");
        }
        RequireState(current, [ConsultationState.Requested, ConsultationState.Open, ConsultationState.Closing]);
        return (ConsultationEventType.Withdrawn, next with { State = ConsultationState.Withdrawn, WithdrawReason = withdraw.Reason }, withdraw.Reason);
    }

    private static (ConsultationEventType, Consultation, string?) ProposeClosure(Consultation current, Consultation next, ProposeClosureCommand propose, DateTime now)
    {
        RequireParticipant(current, propose.OrganizationId, "propose closing");
        RequireState(current, [ConsultationState.Open]);
        var errors = new ValidationErrors();
        var parties = current.Parties.ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < propose.Actions.Count; i++)
        {
            if (!parties.Contains(propose.Actions[i].OrganizationId))
            {
                errors.Add($"actions[{i}].organization_id", $"{propose.Actions[i].OrganizationId} is not a party of {current.Id}");
            }
        }
        errors.ThrowIfAny();
        var closure = new Closure(propose.OrganizationId, now, propose.OutcomeSummary, propose.Actions, [propose.OrganizationId]);
        return (ConsultationEventType.ClosureProposed, next with { State = ConsultationState.Closing, Closure = closure }, null);
    }

    private (ConsultationEventType, Consultation, string?) ConfirmClosure(
        ILogWriteSession session, Consultation current, Consultation next, ConfirmClosureCommand confirm, DateTime now)
    {
        RequireParticipant(current, confirm.OrganizationId, "confirm closing");
        RequireState(current, [ConsultationState.Closing]);
        var closure = current.Closure!;
        if (closure.ConfirmedBy.Contains(confirm.OrganizationId))
        {
            throw new ExchangeRuleException(RuleViolationKind.FailedPrecondition, $"{confirm.OrganizationId} has already confirmed closing {current.Id}");
        }
        var confirmed = closure with { ConfirmedBy = [.. closure.ConfirmedBy, confirm.OrganizationId] };
        if (!current.Participants.All(confirmed.ConfirmedBy.Contains))
        {
            return (ConsultationEventType.ClosureConfirmed, next with { Closure = confirmed }, null);
        }
        // The last confirmation closes it. The digest covers the transcript as it stands with every confirmation in,
        // which is what ExportTranscript gives for the closed consultation (the closing event is not in it: it carries it).
        var agreed = next with { Closure = confirmed };
        var digest = transcripts.DigestAtClosing(session, agreed);
        return (ConsultationEventType.Closed, agreed with
        {
            State = ConsultationState.Closed,
            Closure = confirmed with { TranscriptSha256 = digest, ClosedAt = now },
        }, null);
    }

    private static (ConsultationEventType, Consultation, string?) ContestClosure(Consultation current, Consultation next, ContestClosureCommand contest)
    {
        RequireParticipant(current, contest.OrganizationId, "contest closing");
        RequireState(current, [ConsultationState.Closing]);
        return (ConsultationEventType.ClosureContested, next with { State = ConsultationState.Open, Closure = null }, contest.Reason);
    }

    /// <summary>The next version's frame: its sequence, version and time; the caller sets what changed.</summary>
    internal static Consultation Next(ILogWriteSession session, Consultation current, DateTime now) =>
        current with { Version = current.Version + 1, Sequence = session.NextSequence, UpdatedAt = now };

    internal static IReadOnlyList<Counterpart> Replace(Consultation consultation, Counterpart changed) =>
        consultation.Counterparts.Select(c => c.OrganizationId == changed.OrganizationId ? changed : c).ToArray();

    private static void RequireParticipant(Consultation current, string organizationId, string what)
    {
        if (!current.Participants.Contains(organizationId))
        {
            throw new ExchangeRuleException(RuleViolationKind.PermissionDenied,
                $"{organizationId} has not accepted {current.Id}; only the requester and counterparts that accepted can {what}");
        }
    }

    private static void RequireState(Consultation current, ConsultationState[] allowed)
    {
        if (!allowed.Contains(current.State))
        {
            throw new ExchangeRuleException(RuleViolationKind.FailedPrecondition,
                $"consultation {current.Id} is {WireNames.Of(current.State)}; this needs it {string.Join(" or ", allowed.Select(WireNames.Of))}");
        }
    }

    private static void RequireFuture(IReadOnlyList<TimeWindow> windows, DateTime now)
    {
        var errors = new ValidationErrors();
        for (var i = 0; i < windows.Count; i++)
        {
            if (windows[i].End is { } end && end <= now)
            {
                errors.Add($"proposed_times[{i}].end", $"{TimeValidation.Format(end)} has already passed (now {TimeValidation.Format(now)})");
            }
        }
        errors.ThrowIfAny();
    }

    private static string Verb(ConsultationResponse response) => response switch
    {
        ConsultationResponse.Acknowledge => "acknowledge",
        ConsultationResponse.Accept => "accept",
        ConsultationResponse.Decline => "decline",
        _ => "propose times for",
    };

    private DateTime Now() => clock.UtcNow;
}
