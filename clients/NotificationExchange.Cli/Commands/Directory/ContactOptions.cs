using System.CommandLine;
using NotificationExchange.Cli.Cli;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Directory;

/// <summary>
/// The contact point options of the verbs that set an organisation's profile, one set per role: --primary NAME with
/// --primary-email and --primary-phone, the same for --backup and for --ops (the operations desk staffed around the
/// clock). Given over existing contact points, each option changes only its field of its role's contact point, so
/// that what the profile holds and the command line does not say (hours, webhook URLs) stays as it is.
/// </summary>
internal sealed class ContactOptions
{
    private readonly List<(ContactRole Role, Option<string?> Name, Option<string?> Email, Option<string?> Phone)> _roles = [];

    public ContactOptions()
    {
        Add(ContactRole.Primary, "primary", "who to call first");
        Add(ContactRole.Backup, "backup", "who to call when the primary does not answer");
        Add(ContactRole.Operations247, "ops", "the operations desk staffed around the clock (24/7)");
    }

    public void AddTo(Command command)
    {
        foreach (var (_, name, email, phone) in _roles)
        {
            command.Options.Add(name);
            command.Options.Add(email);
            command.Options.Add(phone);
        }
    }

    /// <summary>Whether any contact option was given.</summary>
    public bool AnyGiven(ParseResult parse) =>
        _roles.Any(r => parse.GetValue(r.Name) is not null || parse.GetValue(r.Email) is not null || parse.GetValue(r.Phone) is not null);

    /// <summary><paramref name="existing"/> (copied) with the options given applied; a role not there yet is added
    /// when any of its options is given (the exchange then requires a name and an email or phone).</summary>
    public List<ContactPoint> Apply(ParseResult parse, IEnumerable<ContactPoint> existing)
    {
        var contacts = existing.Select(c => c.Clone()).ToList();
        foreach (var (role, name, email, phone) in _roles)
        {
            var (newName, newEmail, newPhone) = (parse.GetValue(name), parse.GetValue(email), parse.GetValue(phone));
            if (newName is null && newEmail is null && newPhone is null)
            {
                continue;
            }
            var contact = contacts.FirstOrDefault(c => c.Role == role);
            if (contact is null)
            {
                contact = new ContactPoint { Role = role };
                if (role == ContactRole.Operations247)
                {
                    contact.Hours = new StaffedHours { AroundTheClock = true };
                }
                contacts.Add(contact);
            }
            contact.Name = newName ?? contact.Name;
            contact.Email = newEmail ?? contact.Email;
            contact.Phone = newPhone ?? contact.Phone;
        }
        return [.. contacts.OrderBy(c => c.Role)];
    }

    private void Add(ContactRole role, string flag, string what) => _roles.Add((
        role,
        ValueOptions.Text($"--{flag}", $"Name of {what}: a person or a desk, 1 to 128 characters", "NAME"),
        ValueOptions.Text($"--{flag}-email", $"Email of {what} (\"\" to clear)", "EMAIL"),
        ValueOptions.Text($"--{flag}-phone", $"Phone of {what}: digits, spaces and + ( ) - . (\"\" to clear)", "PHONE")));
}
