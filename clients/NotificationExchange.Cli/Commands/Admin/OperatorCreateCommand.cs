using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Cli.Commands.Directory;
using NotificationExchange.Cli.Output;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Admin;

/// <summary>nxc admin operator create: a new organisation and its API key, which is shown this once (on the last line
/// of the text, so that `| tail -1` takes it; in JSON the whole answer).</summary>
internal static class OperatorCreateCommand
{
    public static Command Build(VerbContext context)
    {
        var id = new Argument<string>("ID") { Description = "Short stable id: 3 to 40 characters of a-z, 0-9 and -, starting with a letter (e.g. esa-ops)" };
        var name = ValueOptions.Text("--name", "Display name, 1 to 128 characters", null, required: true);
        var agency = new Option<bool>("--agency") { Description = "A space agency or a state's authority (the directory's kind; an operator otherwise)" };
        var administrator = new Option<bool>("--admin") { Description = "An administrator: may create operators, load the catalogue, resolve claims" };
        var country = ValueOptions.Text("--country", "Country or registry: ISO 3166-1 alpha-2 (e.g. FR), or ESA, EUMETSAT");
        var contacts = new ContactOptions();
        var command = new Command("create", "Create an organisation and print its API key (shown once)") { id, name, agency, administrator, country };
        contacts.AddTo(command);
        return command.Runs(context, async (session, cancellationToken) =>
        {
            var request = new CreateOperatorRequest
            {
                OperatorId = session.Parse.GetValue(id)!,
                DisplayName = session.Parse.GetValue(name)!,
                Administrator = session.Parse.GetValue(administrator),
                Kind = session.Parse.GetValue(agency) ? OrganizationKind.Agency : OrganizationKind.Operator,
                Country = session.Parse.GetValue(country) ?? "",
            };
            request.Contacts.AddRange(contacts.Apply(session.Parse, []));
            var created = await session.Client.Operators.CreateOperatorAsync(request, cancellationToken);
            if (session.Print.Json)
            {
                session.Print.Message(created);
                return ExitCodes.Ok;
            }
            var o = created.Operator;
            session.Print.Line($"{Words.Kind(o.Kind)} {o.Id} ({o.DisplayName}) created{(o.Administrator ? ", an administrator" : "")}; its API key, shown this once:");
            session.Print.Line(created.ApiKey);
            return ExitCodes.Ok;
        });
    }
}
