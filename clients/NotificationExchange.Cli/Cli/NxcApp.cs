using System.CommandLine.Parsing;
using System.CommandLine;
using NotificationExchange.Cli.Commands.Account;
using NotificationExchange.Cli.Commands.Admin;
using NotificationExchange.Cli.Commands.Alerts;
using NotificationExchange.Cli.Commands.Consultations;
using NotificationExchange.Cli.Commands.Demo;
using NotificationExchange.Cli.Commands.Directory;
using NotificationExchange.Cli.Commands.Filing;
using NotificationExchange.Cli.Commands.Keys;
using NotificationExchange.Cli.Commands.Registry;
using NotificationExchange.Cli.Commands.Subscriptions;
using NotificationExchange.Cli.Commands.Transparency;

namespace NotificationExchange.Cli.Cli;

/// <summary>nxc's verbs, and the run of one command line: a parse error is one line and exit status 2, before
/// anything is sent; the verb's own failures are mapped by <see cref="Verb"/>.</summary>
internal static class NxcApp
{
    public static RootCommand Build(CliEnvironment environment)
    {
        var globals = new GlobalOptions();
        var context = new VerbContext(environment, globals);
        var root = new RootCommand("nxc: the NotificationExchange from the command line. " + ExitCodes.Help);
        globals.AddTo(root);
        root.Subcommands.Add(LoginCommand.Build(context));
        root.Subcommands.Add(WhoAmICommand.Build(context));
        root.Subcommands.Add(DirectoryCommand.Build(context));
        root.Subcommands.Add(FileCommand.Build(context));
        root.Subcommands.Add(AmendCommand.Build(context));
        root.Subcommands.Add(CancelCommand.Build(context));
        root.Subcommands.Add(ReportCommand.Build(context));
        root.Subcommands.Add(Commands.Filing.ShowCommand.Build(context));
        root.Subcommands.Add(Commands.Filing.ListCommand.Build(context));
        root.Subcommands.Add(ExportCommand.Build(context));
        root.Subcommands.Add(SubscribeCommand.Build(context));
        root.Subcommands.Add(WatchCommand.Build(context));
        root.Subcommands.Add(DemoCommand.Build(context));
        root.Subcommands.Add(ConsultCommand.Build(context));
        root.Subcommands.Add(ObjectsCommand.Build(context));
        root.Subcommands.Add(AlertsCommand.Build(context));
        root.Subcommands.Add(KeysCommand.Build(context));
        root.Subcommands.Add(LogCommand.Build(context));
        root.Subcommands.Add(VerifyCommand.Build(context));
        root.Subcommands.Add(Commands.Audit.AuditCommand.Build(context));
        root.Subcommands.Add(AdminCommand.Build(context));
        root.Subcommands.Add(CompletionCommand.Build(context));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        Values.Now.Value = DateTimeOffset.UtcNow;
        var parse = Build(environment).Parse(args);
        if (parse.Errors.Count > 0)
        {
            // The verb's whole path (nxc consult line ring), walking up the parse from the command reached.
            var path = new List<string>();
            for (var result = parse.CommandResult; result is { Command: not RootCommand }; result = result.Parent as CommandResult)
            {
                path.Insert(0, result.Command.Name);
            }
            var verb = string.Join(' ', path);
            environment.Error.WriteLine($"nxc: {Verb.Printable(parse.Errors[0].Message)} (nxc {verb}{(verb.Length > 0 ? " " : "")}--help for usage)");
            return ExitCodes.Usage;
        }
        return await parse.InvokeAsync(
            new InvocationConfiguration
            {
                Output = environment.Out,
                Error = environment.Error,
                EnableDefaultExceptionHandler = false,
                // Ctrl+C and SIGTERM cancel the verb's token and leave it this long to end well (a watch acknowledging
                // what it printed, which may take its 5 s final acknowledgement), instead of the process dying at once.
                ProcessTerminationTimeout = TimeSpan.FromSeconds(10),
            },
            cancellationToken).ConfigureAwait(false);
    }
}
