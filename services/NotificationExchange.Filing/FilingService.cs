using NotificationExchange.Domain.Commands;
using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Storage;
using NotificationExchange.Domain.Validation;
using NotificationExchange.Filing.Requests;

namespace NotificationExchange.Filing;

/// <summary>
/// Files, amends, cancels and reports on notifications, all four the same way: checked (<see cref="FilingCommandBuilder"/>)
/// and handed to the log writer as a command, and answered once the result is durable; a retry is answered as it was
/// the first time, even where the rules would now refuse it. Inside the write, every new event is rendered for readers before
/// it is committed (<see cref="IEventRenderer"/>): nothing is stored that cannot be served.
/// </summary>
public sealed class FilingService(
    ILogWriter writer, INotificationLog log, IOperatorDirectory directory, NotificationValidator validator, NotificationLifecycle lifecycle, IEventRenderer renderer)
{
    private readonly FilingCommandBuilder _commands = new(validator);

    public async Task<FilingOutcome> SubmitAsync(FilingDraft draft, CancellationToken cancellationToken)
    {
        FilingCommand command;
        try
        {
            command = _commands.Build(draft);
        }
        catch (ExchangeRuleException)
        {
            // A retry must get its first answer even where the rules now refuse it (its window has since passed), so a
            // refused request is looked up by its id before the refusal is answered. Only a refused one: a request the
            // rules accept meets the same check inside the write (which also settles two first attempts racing), and
            // the common case, a valid first attempt, costs no extra read.
            if (await ReplayAsync(draft, cancellationToken) is { } replay)
            {
                return replay;
            }
            throw;
        }
        await RequireNamedExistAsync(draft, cancellationToken);
        var fingerprint = NotificationJson.Fingerprint(command);
        return await WriteAsync(session => lifecycle.Run(session, command, fingerprint), command.RequestField(), cancellationToken);
    }

    /// <summary>
    /// The organisations an audience or embargo names are in the directory, each named by its index as sent.
    /// Organisations are never deleted: what exists now exists at the write (and at a retry).
    /// </summary>
    private async Task RequireNamedExistAsync(FilingDraft draft, CancellationToken cancellationToken)
    {
        var (audience, embargo) = draft switch
        {
            FileNotificationDraft file => (file.Audience, file.Embargo),
            AmendNotificationDraft amend => (amend.Audience, amend.Embargo),
            _ => (null, null),
        };
        var errors = new ValidationErrors();
        foreach (var (field, organizations) in new[] { ("audience", audience?.Organizations), ("embargo.audience", embargo?.Audience?.Organizations) })
        {
            for (var i = 0; i < (organizations?.Count ?? 0); i++)
            {
                if (await directory.GetAsync(organizations![i], cancellationToken) is null)
                {
                    errors.Add($"{field}.organizations[{i}]", $"no organisation {organizations[i]} in the directory");
                }
            }
        }
        errors.ThrowIfAny();
    }

    /// <summary>
    /// The first answer when the draft repeats a request already answered; a refusal on request_id when it reuses the
    /// id for another request; null when the id is new, to be checked as a first attempt.
    /// </summary>
    private async Task<FilingOutcome?> ReplayAsync(FilingDraft draft, CancellationToken cancellationToken)
    {
        // A request with values the wire cannot carry is not one the exchange accepted: the rules refuse it, naming them.
        if (draft.Prior.Count > 0 || await log.FindRequestAsync(draft.OperatorId, draft.RequestId, cancellationToken) is not { } remembered)
        {
            return null;
        }
        // Nor is a request that cannot even be built; the rules refuse it, naming its faults.
        if (_commands.BuildUnchecked(draft) is not { } command)
        {
            return null;
        }
        return RequestReplay.Answer(command, NotificationJson.Fingerprint(command), remembered);
    }

    /// <summary>
    /// Runs the lifecycle's work in the write and renders the event it appended before the commit; an event that cannot
    /// be rendered is refused as the request field it came from, and its write leaves no trace.
    /// </summary>
    private Task<FilingOutcome> WriteAsync(Func<ILogWriteSession, FilingOutcome> work, string field, CancellationToken cancellationToken) =>
        writer.WriteAsync(session =>
        {
            var outcome = work(session);
            if (!outcome.Replayed)
            {
                renderer.RenderForReaders(outcome.Event, field);
            }
            return outcome;
        }, cancellationToken);
}
