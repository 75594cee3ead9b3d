using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Cli.Output;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Directory;

/// <summary>
/// nxc directory update: changes the caller's own directory entry. UpdateProfile replaces the whole profile, so the
/// verb reads the current one (WhoAmI, which has the webhook URLs the directory never shows), applies what the command
/// line says, and sends the result: what is not mentioned stays as it was.
/// </summary>
internal static class UpdateCommand
{
    public static Command Build(VerbContext context)
    {
        var name = ValueOptions.Text("--name", "Display name, 1 to 128 characters");
        var kind = EnumWords<OrganizationKind>.Option("--kind", "Operator or agency");
        var country = ValueOptions.Text("--country", "Country or registry: ISO 3166-1 alpha-2 (e.g. FR), or ESA, EUMETSAT; \"\" to clear");
        var remove = EnumWords<ContactRole>.Options("--remove-contact", "Remove these roles' contact points");
        var contacts = new ContactOptions();
        var command = new Command("update", "Change your organisation's directory entry: name, kind, country, contact points (the rest stays)")
        {
            name, kind, country, remove,
        };
        contacts.AddTo(command);
        return command.Runs(context, async (session, cancellationToken) =>
        {
            var parse = session.Parse;
            var removed = (parse.GetValue(remove) ?? []).ToHashSet();
            if (parse.GetValue(name) is null && parse.GetValue(kind) is null && parse.GetValue(country) is null && removed.Count == 0 && !contacts.AnyGiven(parse))
            {
                throw new UsageException("nothing to change: give --name, --kind, --country, contact options or --remove-contact (nxc directory update --help)");
            }
            var current = await session.Client.Operators.WhoAmIAsync(new WhoAmIRequest(), cancellationToken);
            var request = new UpdateProfileRequest
            {
                DisplayName = parse.GetValue(name) ?? current.DisplayName,
                Kind = parse.GetValue(kind) ?? (current.Kind == OrganizationKind.Unspecified ? OrganizationKind.Operator : current.Kind),
                Country = parse.GetValue(country) ?? current.Country,
            };
            request.Contacts.AddRange(contacts.Apply(parse, current.Contacts.Where(c => !removed.Contains(c.Role))));
            var entry = await session.Client.Operators.UpdateProfileAsync(request, cancellationToken);
            if (session.Print.Json)
            {
                session.Print.Message(entry);
                return ExitCodes.Ok;
            }
            session.Print.Line($"profile of {entry.OrganizationId} updated: {entry.DisplayName}, {Words.Kind(entry.Kind)}{(entry.Country.Length > 0 ? $", {entry.Country}" : "")}");
            foreach (var contact in entry.Contacts)
            {
                session.Print.Line($"  {Words.Contact(contact)}");
            }
            return ExitCodes.Ok;
        });
    }
}
