using NotificationExchange.Domain.Consultations;
using NotificationExchange.Domain.Consultations.Commands;
using NotificationExchange.Domain.Consultations.DirectLines;
using NotificationExchange.Domain.Consultations.DirectLines.Commands;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Consultations.DirectLines;

/// <summary>
/// Standing direct lines: proposing and accepting them (checked as a whole, then run through
/// <see cref="DirectLineLifecycle"/> in the write, idempotent by request id, each change an event in the log for both
/// sides' streams), listing an organisation's own, and
/// ringing one, which is a consultation request (<see cref="ConsultationService"/>) to the line's other side: URGENT,
/// already accepted, with the shortest acknowledgement window.
/// </summary>
public sealed class DirectLineService(
    ILogWriter writer,
    IDirectLineStore store,
    IOperatorDirectory directory,
    DirectLineLifecycle lifecycle,
    ConsultationService consultations,
    IEventRenderer renderer)
{
    public async Task<DirectLineOutcome> ProposeAsync(ProposeDirectLineCommand command, IEnumerable<FieldViolation> prior, CancellationToken cancellationToken)
    {
        DirectLineCommandValidation.Validate(command, prior);
        // Organisations are never deleted: what exists now exists at the write.
        if (await directory.GetAsync(command.Counterpart, cancellationToken) is null)
        {
            throw ExchangeRuleException.Invalid("counterpart", $"no organisation {command.Counterpart} in the directory");
        }
        var fingerprint = NotificationJson.Fingerprint(command);
        var id = DirectLineIds.New();
        return await writer.WriteAsync(session => Rendered(lifecycle.Propose(session, command, fingerprint, id)), cancellationToken);
    }

    public async Task<DirectLineOutcome> AcceptAsync(AcceptDirectLineCommand command, IEnumerable<FieldViolation> prior, CancellationToken cancellationToken)
    {
        DirectLineCommandValidation.Validate(command, prior);
        var fingerprint = NotificationJson.Fingerprint(command);
        return await writer.WriteAsync(session => Rendered(lifecycle.Accept(session, command, fingerprint)), cancellationToken);
    }

    /// <summary>The lines the organisation is on, whichever side proposed them.</summary>
    public async Task<IReadOnlyList<DirectLine>> ListAsync(string organizationId, CancellationToken cancellationToken) =>
        (await store.ListDirectLinesAsync(organizationId, cancellationToken)).Where(l => l.Joins(organizationId)).ToArray();

    /// <summary>
    /// Rings an ACTIVE line the caller is on. The line is read before the write: its sides never change and it never
    /// leaves ACTIVE, so what this read admits, the write would too; a retry finds the same line and is answered by
    /// the consultation's own request id check.
    /// </summary>
    public async Task<ConsultationOutcome> RingAsync(RingDirectLineCommand ring, IEnumerable<FieldViolation> prior, CancellationToken cancellationToken)
    {
        DirectLineCommandValidation.Validate(ring, prior);
        var line = DirectLineLifecycle.Ringable(await store.GetDirectLineAsync(ring.DirectLineId, cancellationToken), ring.OrganizationId, ring.DirectLineId);
        var about = ring.About is { NotificationId: null, AlertId: null } ? new ConsultationAbout(Topic: line.Purpose) : ring.About;
        var request = new RequestConsultationCommand(
            ring.RequestId,
            ring.OrganizationId,
            [line.OtherSide(ring.OrganizationId)],
            about,
            ring.Subject,
            ring.Body,
            ConsultationUrgency.Urgent,
            ConsultationUrgencies.ShortestWindow,
            [],
            line.Id);
        return await consultations.SubmitAsync(request, [], cancellationToken);
    }

    /// <summary>The new event rendered for readers inside its write, as every event is: one that cannot be served is not stored.</summary>
    private DirectLineOutcome Rendered(DirectLineOutcome outcome)
    {
        if (outcome.Recorded is { } recorded)
        {
            renderer.RenderForReaders(recorded, "request_id");
        }
        return outcome;
    }
}
