using NotificationExchange.Domain.Consultations.Commands;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Domain.Alerts.Commands;

/// <summary>What an acknowledgement must say on its own, before the alert is read: every fault at once, by field.</summary>
public static class AcknowledgeAlertValidation
{
    public const int NoteLength = 2000;

    public static void Validate(AcknowledgeAlertCommand command, IEnumerable<FieldViolation> prior)
    {
        var errors = new ValidationErrors(prior);
        ConsultationCommandValidation.RequestId(command.RequestId, errors);
        AlertIds.Validate("alert_id", command.AlertId, errors);
        errors.KnownEnum("intent", command.Intent);
        errors.OptionalText("note", command.Note, NoteLength);
        errors.ThrowIfAny();
    }
}
