using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Consultations.Lines;

/// <summary>nxc consult line: standing direct lines between two organisations, which either may ring.</summary>
internal static class LineCommand
{
    public static Command Build(VerbContext context) => new("line", "Standing direct lines to another organisation: propose, accept, list, ring")
    {
        LineProposeCommand.Build(context),
        LineAcceptCommand.Build(context),
        LineListCommand.Build(context),
        LineRingCommand.Build(context),
    };

    /// <summary>A change to a line: the line in JSON, or one line saying what was done.</summary>
    public static int PrintChange(Session session, DirectLine line, string done)
    {
        session.Print.Answer(line, $"{done}: {ConsultationText.Line(line)}");
        return ExitCodes.Ok;
    }
}
