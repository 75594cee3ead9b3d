using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Client;
using NotificationExchange.Protocol.V1;
using Spectre.Console;

namespace NotificationExchange.Cli.Commands.Admin;

/// <summary>
/// nxc admin catalogue load: loads or refreshes the reference catalogue (LoadCatalogue) from a TLE/3LE or OMM file,
/// sent from here, or with --on-exchange read by the exchange from its own host. A whole catalogue takes the exchange a
/// while, so unless --timeout is given the call may take <see cref="DefaultWait"/>; on a terminal a status line says
/// what it is waiting for.
/// </summary>
internal static class CatalogueLoadCommand
{
    public static readonly TimeSpan DefaultWait = TimeSpan.FromMinutes(10);

    public static Command Build(VerbContext context)
    {
        var file = new Argument<string>("FILE") { Description = "TLE/3LE, or OMM (CelesTrak JSON, CSV or XML; CCSDS KVN or XML), at most 64 MiB" };
        var onExchange = new Option<bool>("--on-exchange") { Description = "FILE is a path on the exchange's host, read there (e.g. a mounted volume)" };
        var source = ValueOptions.Text("--source", "A name for the source, kept with the load (default: the file's name)");
        var command = new Command("load", $"Load or refresh the reference catalogue; screening follows (waits up to {DefaultWait.TotalMinutes:0} min unless --timeout)")
        {
            file, onExchange, source,
        };
        return command.Runs(context, async (session, cancellationToken) =>
        {
            var path = session.Parse.GetValue(file)!;
            var request = new LoadCatalogueRequest { RequestId = RequestIds.New(), Source = session.Parse.GetValue(source) ?? Path.GetFileName(path) };
            var wait = session.TimeoutGiven ? session.CallTimeout : DefaultWait;
            var status = session.Environment.OutputIsTerminal && !session.Print.Json;
            async Task<CatalogueLoadReport> LoadAsync(Action<string> say)
            {
                if (session.Parse.GetValue(onExchange))
                {
                    request.Path = path;
                    say($"the exchange is loading {path} from its host");
                }
                else
                {
                    say($"reading {path}");
                    request.Content = Values.ReadFile(path, "FILE");
                    say($"sending {request.Content.Length / 1024.0 / 1024.0:0.0} MiB and waiting while the exchange loads it");
                }
                // The library's calls take the client's deadline; this one sets its own, for the load's length.
                return await session.Client.Registry.Raw.LoadCatalogueAsync(request, deadline: DateTime.UtcNow + wait, cancellationToken: cancellationToken);
            }
            var report = status
                ? await session.Print.Console.Status().StartAsync("loading", progress => LoadAsync(text => progress.Status(Markup.Escape(text))))
                : await LoadAsync(_ => { });
            if (session.Print.Json)
            {
                session.Print.Message(report);
                return ExitCodes.Ok;
            }
            session.Print.Line(CatalogueText.Load(report));
            foreach (var line in CatalogueText.Rejections(report))
            {
                session.Print.Line(line);
            }
            return ExitCodes.Ok;
        });
    }
}
