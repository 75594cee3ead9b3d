using NotificationExchange.Domain.Alerts;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Operators;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Domain.Consultations.Commands;

/// <summary>
/// The one check of a consultation command as received: every bad field named by its wire path, together with what the
/// wire itself refused (the prior violations). What depends on the store or on the time of the write (the
/// consultation's state, the counterparts' existence, times still in the future) is checked in the write.
/// </summary>
public static class ConsultationCommandValidation
{
    public const int MaxCounterparts = 20;
    public const int MaxProposedTimes = 10;
    public const int MaxActions = 50;
    public const int SubjectLength = 200;
    public const int TopicLength = 200;
    public const int BodyLength = 10_000;
    public const int ReasonLength = 2_000;
    public const int OutcomeLength = 4_000;
    public const int ActionLength = 500;
    public const int RequestIdLength = 64;

    public static void Validate(ConsultationCommand command, IEnumerable<FieldViolation> prior)
    {
        var errors = new ValidationErrors(prior);
        RequestId(command.RequestId, errors);
        if (command.ConsultationId is not null || command is not RequestConsultationCommand)
        {
            ConsultationIds.Validate("consultation_id", command.ConsultationId, errors);
        }
        switch (command)
        {
            case RequestConsultationCommand request:
                ValidateRequest(request, errors);
                break;
            case RespondToConsultationCommand { Response: ConsultationResponse.Decline } decline:
                errors.RequiredText("reason", decline.Reason, ReasonLength);
                break;
            case RespondToConsultationCommand { Response: ConsultationResponse.ProposeTime } propose:
                if (propose.ProposedTimes.Count == 0)
                {
                    errors.Add("proposed_times", "is required: at least one window");
                }
                else if (propose.ProposedTimes.Count > MaxProposedTimes)
                {
                    errors.Add("proposed_times", $"has {propose.ProposedTimes.Count} entries; at most {MaxProposedTimes} allowed");
                }
                Windows(propose.ProposedTimes, errors);
                break;
            case WithdrawConsultationCommand withdraw:
                errors.RequiredText("reason", withdraw.Reason, ReasonLength);
                break;
            case ContestClosureCommand contest:
                errors.RequiredText("reason", contest.Reason, ReasonLength);
                break;
            case ProposeClosureCommand closure:
                errors.RequiredText("outcome_summary", closure.OutcomeSummary, OutcomeLength);
                if (closure.Actions.Count > MaxActions)
                {
                    errors.Add("actions", $"has {closure.Actions.Count} entries; at most {MaxActions} allowed");
                }
                for (var i = 0; i < closure.Actions.Count; i++)
                {
                    OrganizationId($"actions[{i}].organization_id", closure.Actions[i].OrganizationId, errors);
                    errors.RequiredText($"actions[{i}].action", closure.Actions[i].Action, ActionLength);
                    if (closure.Actions[i].DueBy is { } due)
                    {
                        TimeValidation.Accepted($"actions[{i}].due_by", due, errors);
                    }
                }
                break;
        }
        errors.ThrowIfAny();
    }

    private static void ValidateRequest(RequestConsultationCommand request, ValidationErrors errors)
    {
        if (request.Counterparts.Count == 0)
        {
            errors.Add("counterparts", "is required: at least one organisation to consult");
        }
        else if (request.Counterparts.Count > MaxCounterparts)
        {
            errors.Add("counterparts", $"has {request.Counterparts.Count} entries; at most {MaxCounterparts} allowed");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < request.Counterparts.Count && i < MaxCounterparts; i++)
        {
            var at = $"counterparts[{i}]";
            var counterpart = request.Counterparts[i];
            if (!OrganizationId(at, counterpart, errors))
            {
                continue;
            }
            if (counterpart == request.OrganizationId)
            {
                errors.Add(at, "is the caller's own organisation; a consultation is with others");
            }
            else if (!seen.Add(counterpart))
            {
                errors.Add(at, $"{Quoted.Value(counterpart)} is listed twice");
            }
        }
        if (request.About is { NotificationId: null, Topic: null, AlertId: null })
        {
            errors.Add("about", "is required: a notification_id, a topic or an alert_id");
        }
        ValidateContent(request.About, request.Subject, request.Body, errors);
        if (request.Urgency == ConsultationUrgency.Unspecified)
        {
            errors.Add("urgency", "is required: ROUTINE, PRIORITY or URGENT");
        }
        else
        {
            errors.KnownEnum("urgency", request.Urgency);
        }
        if (request.AcknowledgeWithin is { } within
            && (within < ConsultationUrgencies.ShortestWindow || within > ConsultationUrgencies.LongestWindow))
        {
            errors.Add("acknowledge_within", $"is {within}; it must be from {ConsultationUrgencies.ShortestWindow} to {ConsultationUrgencies.LongestWindow.TotalDays:0} days");
        }
        if (request.ProposedTimes.Count > MaxProposedTimes)
        {
            errors.Add("proposed_times", $"has {request.ProposedTimes.Count} entries; at most {MaxProposedTimes} allowed");
        }
        Windows(request.ProposedTimes, errors);
    }

    /// <summary>
    /// What a request says, wherever it comes from (a request, a direct line's ring): what it is about, when given, its
    /// subject and its body.
    /// </summary>
    public static void ValidateContent(ConsultationAbout about, string? subject, string? body, ValidationErrors errors)
    {
        if (about.NotificationId is not null)
        {
            NotificationIds.Validate("notification_id", about.NotificationId, errors);
        }
        if (about.Topic is not null)
        {
            errors.RequiredText("topic", about.Topic, TopicLength);
        }
        if (about.AlertId is not null)
        {
            // Whether the requester may see the alert is the service's check, against the store.
            AlertIds.Validate("alert_id", about.AlertId, errors);
        }
        errors.RequiredText("subject", subject, SubjectLength);
        errors.OptionalText("body", body, BodyLength);
    }

    private static void Windows(IReadOnlyList<TimeWindow> windows, ValidationErrors errors)
    {
        for (var i = 0; i < windows.Count && i < MaxProposedTimes; i++)
        {
            TimeValidation.Ordered($"proposed_times[{i}]", windows[i], errors);
        }
    }

    /// <summary>
    /// A consultation or direct-line call's request id as consultations.proto defines it: 1 to 64 characters of A-Z a-z
    /// 0-9 . _ - : (narrower than a filing's printable ASCII, so that an id a client logs, quotes or puts in a file name
    /// needs no escaping).
    /// </summary>
    public static void RequestId(string? requestId, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(requestId))
        {
            errors.Add("request_id", "is required (a client-chosen id that makes retries safe)");
        }
        else if (requestId.Length > RequestIdLength)
        {
            errors.Add("request_id", $"is {requestId.Length} characters long; at most {RequestIdLength} allowed");
        }
        else if (!requestId.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or ':'))
        {
            errors.Add("request_id", $"{Quoted.Value(requestId)} may contain only A-Z, a-z, 0-9 and . _ - :");
        }
    }

    /// <summary>An organisation id where one is required; false (and the violation added) when there is none or it is not one.</summary>
    public static bool OrganizationId(string at, string? id, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(id))
        {
            errors.Add(at, "is required");
            return false;
        }
        if (!OperatorAccount.IsValidId(id))
        {
            errors.Add(at, $"{Quoted.Value(id)} is not an organisation id");
            return false;
        }
        return true;
    }
}
