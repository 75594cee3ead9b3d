using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Cli.Commands.Consultations.Lines;

namespace NotificationExchange.Cli.Commands.Consultations;

/// <summary>nxc consult: consultations between organisations, their conversation and transcript, and standing direct
/// lines (consultations.proto).</summary>
internal static class ConsultCommand
{
    public static Command Build(VerbContext context) => new("consult", "Consultations with other organisations: request, answer, talk, close, and direct lines")
    {
        RequestCommand.Build(context),
        InboxCommand.Build(context),
        ShowCommand.Build(context),
        AcknowledgeCommand.Build(context),
        AcceptCommand.Build(context),
        DeclineCommand.Build(context),
        WithdrawCommand.Build(context),
        ProposeTimeCommand.Build(context),
        SayCommand.Build(context),
        TalkCommand.Build(context),
        CloseCommand.Build(context),
        TranscriptCommand.Build(context),
        LineCommand.Build(context),
    };

    /// <summary>The ID argument every verb about one consultation takes.</summary>
    public static Argument<string> IdArgument() => new("ID") { Description = "The consultation's id, e.g. CON-57" };
}
