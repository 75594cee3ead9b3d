using NotificationExchange.Domain.Alerts;
using NotificationExchange.Domain.Consultations;
using NotificationExchange.Domain.Consultations.Commands;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Consultations;

/// <summary>
/// Carries out consultation commands the way filings are: checked as a whole (<see cref="ConsultationCommandValidation"/>),
/// run through the state machine inside the write (<see cref="ConsultationLifecycle"/>), the new event rendered for
/// readers before the commit, and answered once durable; a retry with the same request id gets the first answer.
/// </summary>
public sealed class ConsultationService(
    ILogWriter writer, IOperatorDirectory directory, INotificationLog notifications, IAlertStore alerts, ConsultationLifecycle lifecycle, IEventRenderer renderer)
{
    public async Task<ConsultationOutcome> SubmitAsync(ConsultationCommand command, IEnumerable<FieldViolation> prior, CancellationToken cancellationToken)
    {
        ConsultationCommandValidation.Validate(command, prior);
        var contacts = (IReadOnlyList<Domain.Operators.ContactPoint>)[];
        if (command is RequestConsultationCommand request)
        {
            // Organisations and notifications are never deleted: what exists now exists at the write (and at a retry).
            var errors = new ValidationErrors();
            for (var i = 0; i < request.Counterparts.Count; i++)
            {
                if (await directory.GetAsync(request.Counterparts[i], cancellationToken) is null)
                {
                    errors.Add($"counterparts[{i}]", $"no organisation {request.Counterparts[i]} in the directory");
                }
            }
            // A restricted notification exists only to its audience, and a consultation about it shows its id to every
            // party: the requester and each counterpart must be in the audience in force now (an audience only widens,
            // so what admits them now admits them for good).
            if (request.About.NotificationId is { } notificationId)
            {
                var latest = await notifications.GetLatestEntryAsync(notificationId, cancellationToken);
                if (!NotificationAccess.Admits(latest, request.OrganizationId))
                {
                    errors.Add("notification_id", $"{notificationId} not found");
                }
                else
                {
                    for (var i = 0; i < request.Counterparts.Count; i++)
                    {
                        if (!latest!.Audience.Admits(request.Counterparts[i]))
                        {
                            errors.Add($"counterparts[{i}]", $"{request.Counterparts[i]} is not in the audience of {notificationId}; widen its audience first, or consult others");
                        }
                    }
                }
            }
            // An alert exists only to its parties; to anyone else it reads as one never issued.
            if (request.About.AlertId is { } alertId && !AlertAccess.Admits(await alerts.GetAlertAsync(alertId, cancellationToken), request.OrganizationId))
            {
                errors.Add("alert_id", $"{alertId} not found");
            }
            errors.ThrowIfAny();
            // Public forms only: the event goes to every party, and webhook URLs are the requester's own.
            contacts = (await directory.GetAsync(request.OrganizationId, cancellationToken))?.Profile.Contacts.Select(c => c.Public()).ToArray() ?? [];
        }
        var fingerprint = NotificationJson.Fingerprint(command);
        return await writer.WriteAsync(session =>
        {
            var outcome = lifecycle.Run(session, command, fingerprint, contacts);
            if (!outcome.Replayed)
            {
                renderer.RenderForReaders(outcome.Event, "request_id");
                // the webhooks' body is the form just rendered
                ConsultationWebhooks.Queue(session, outcome.Event, renderer);
            }
            return outcome;
        }, cancellationToken);
    }
}
