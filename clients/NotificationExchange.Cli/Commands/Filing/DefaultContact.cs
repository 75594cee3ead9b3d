using NotificationExchange.Cli.Cli;
using NotificationExchange.Protocol.V1;

namespace NotificationExchange.Cli.Commands.Filing;

/// <summary>
/// The point of contact of a notice that names none: the caller's primary contact in the directory (WhoAmI), with
/// the --contact-* options given over it. Asked once per command, when first needed.
/// </summary>
internal sealed class DefaultContact(Session session)
{
    private Task<PointOfContact?>? _primary;

    /// <summary>Applies <paramref name="options"/> (when the verb has them) to <paramref name="content"/>; when the notice had no contact,
    /// completes the one the options started (or sets one) from the caller's primary contact.</summary>
    public async Task PrepareAsync(NoticeOptions? options, NoticeContent content, CancellationToken cancellationToken)
    {
        var hadContact = content.Contact is not null;
        options?.Apply(session.Parse, content);
        if (hadContact)
        {
            return;
        }
        _primary ??= PrimaryAsync(cancellationToken);
        if (await _primary.ConfigureAwait(false) is not { } primary)
        {
            return;
        }
        var contact = primary.Clone();
        if (content.Contact is { } given)
        {
            contact.Name = given.Name.Length > 0 ? given.Name : contact.Name;
            contact.Organization = given.Organization.Length > 0 ? given.Organization : contact.Organization;
            contact.Email = given.Email.Length > 0 ? given.Email : contact.Email;
            contact.Phone = given.Phone.Length > 0 ? given.Phone : contact.Phone;
        }
        content.Contact = contact;
    }

    private async Task<PointOfContact?> PrimaryAsync(CancellationToken cancellationToken) =>
        (await session.Client.Operators.WhoAmIAsync(new WhoAmIRequest(), cancellationToken).ConfigureAwait(false)).Contact;
}
