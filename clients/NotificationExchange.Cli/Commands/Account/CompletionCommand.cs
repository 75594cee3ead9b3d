using System.CommandLine;
using NotificationExchange.Cli.Cli;

namespace NotificationExchange.Cli.Commands.Account;

/// <summary>
/// nxc completion bash: a bash completion function for nxc (`source &lt;(nxc completion bash)`, or the output saved in
/// ~/.local/share/bash-completion/completions/nxc). It asks nxc itself what may come next, through System.CommandLine's
/// suggest directive, so that it knows every verb, option and enum word as this nxc does; bash keeps the words that
/// start with what is typed.
/// </summary>
internal static class CompletionCommand
{
    public const string Bash = """
        # bash completion for nxc: source <(nxc completion bash)
        _nxc() {
          local cur="${COMP_WORDS[COMP_CWORD]}" IFS=$'\n'
          COMPREPLY=($(compgen -W "$(nxc "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)" -- "$cur"))
        }
        complete -o default -F _nxc nxc
        """;

    public static Command Build(VerbContext context)
    {
        var shell = new Argument<string>("SHELL") { Description = "The shell: bash" };
        shell.AcceptOnlyFromAmong("bash");
        var command = new Command("completion", "Print the tab-completion script for a shell: source <(nxc completion bash)") { shell };
        return command.Runs(context, (session, _) =>
        {
            // JSON too, as every verb: the script as a string, for a setup tool that writes it somewhere.
            if (session.Print.Json)
            {
                session.Print.Document(new { Shell = "bash", Script = Bash });
            }
            else
            {
                session.Print.Line(Bash);
            }
            return Task.FromResult(ExitCodes.Ok);
        });
    }
}
