using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Cli.Output;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Admin;

/// <summary>nxc admin catalogue status: the catalogue's size, its last load, the exchange's clock and standing
/// screening.</summary>
internal static class CatalogueStatusCommand
{
    public static Command Build(VerbContext context) =>
        new Command("status", "The catalogue's size and last load, the exchange's clock, and standing screening").Runs(context, async (session, cancellationToken) =>
        {
            var status = await session.Client.Registry.GetCatalogueStatusAsync(new GetCatalogueStatusRequest(), cancellationToken);
            if (session.Print.Json)
            {
                session.Print.Message(status);
                return ExitCodes.Ok;
            }
            session.Print.Line($"exchange time {Words.Time(status.Now)}{(status.Simulated ? " (simulated)" : "")}");
            session.Print.Line($"catalogue: {status.Objects} objects; registered: {status.RegisteredObjects}");
            session.Print.Line(status.LastLoad is null ? "last load: none" : $"last load: {CatalogueText.Load(status.LastLoad)}");
            session.Print.Line($"standing screening every {status.StandingIntervalMinutes} min"
                + (status.LastStandingScreen is null ? ", not run yet" : $", last finished {Words.Time(status.LastStandingScreen)}"));
            return ExitCodes.Ok;
        });
}
