using NotificationExchange.Domain.Consultations.Commands;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Domain.Consultations.DirectLines.Commands;

/// <summary>
/// The one check of a direct-line command as received, every bad field named by its wire path, together with what
/// the wire itself refused. What needs the store (the counterpart exists, the line's state, who is on it) is checked
/// later: the directory before the write, the line in it.
/// </summary>
public static class DirectLineCommandValidation
{
    public const int PurposeLength = 200;

    public static void Validate(ProposeDirectLineCommand command, IEnumerable<FieldViolation> prior)
    {
        var errors = new ValidationErrors(prior);
        ConsultationCommandValidation.RequestId(command.RequestId, errors);
        if (ConsultationCommandValidation.OrganizationId("counterpart", command.Counterpart, errors) && command.Counterpart == command.OrganizationId)
        {
            errors.Add("counterpart", "is the caller's own organisation; a direct line joins two organisations");
        }
        errors.RequiredText("purpose", command.Purpose, PurposeLength);
        errors.ThrowIfAny();
    }

    public static void Validate(AcceptDirectLineCommand command, IEnumerable<FieldViolation> prior)
    {
        var errors = new ValidationErrors(prior);
        ConsultationCommandValidation.RequestId(command.RequestId, errors);
        DirectLineIds.Validate("direct_line_id", command.DirectLineId, errors);
        errors.ThrowIfAny();
    }

    /// <summary>A ring says what a request says (<see cref="ConsultationCommandValidation.ValidateContent"/>), but need not say what it is about.</summary>
    public static void Validate(RingDirectLineCommand command, IEnumerable<FieldViolation> prior)
    {
        var errors = new ValidationErrors(prior);
        ConsultationCommandValidation.RequestId(command.RequestId, errors);
        DirectLineIds.Validate("direct_line_id", command.DirectLineId, errors);
        ConsultationCommandValidation.ValidateContent(command.About, command.Subject, command.Body, errors);
        errors.ThrowIfAny();
    }
}
