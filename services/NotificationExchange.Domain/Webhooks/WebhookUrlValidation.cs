using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Domain.Webhooks;

/// <summary>The rules for a webhook URL, as a contact point gives it and as the dispatcher calls it.</summary>
public static class WebhookUrlValidation
{
    public const int MaxLength = 2048;

    public static void Validate(string field, string? url, WebhookUrlPolicy policy, ValidationErrors errors)
    {
        if (url is not null && Problem(url, policy) is { } problem)
        {
            errors.Add(field, $"{Quoted.Value(url)} {problem}");
        }
    }

    /// <summary>What is wrong with <paramref name="url"/> under <paramref name="policy"/>; null when nothing is.</summary>
    public static string? Problem(string url, WebhookUrlPolicy policy)
    {
        if (url.Length > MaxLength)
        {
            return $"is {url.Length} characters long; at most {MaxLength} allowed";
        }
        // What is stored is what is requested: no blanks for Uri to trim or escape, nothing outside ASCII for it to
        // encode (an international host name is given in its xn-- form).
        if (url.Any(c => c is <= ' ' or > '~'))
        {
            return "is not a URL: only printable ASCII without spaces (escape other characters, write an international host name in its xn-- form)";
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return "is not an absolute https URL";
        }
        if (uri.Host.Length == 0)
        {
            return "names no host";
        }
        if (uri.UserInfo.Length > 0)
        {
            return "carries user information (user:password@): the exchange signs its requests instead";
        }
        // a fragment is never sent, so it can only mislead whoever reads the URL
        if (url.Contains('#', StringComparison.Ordinal))
        {
            return "has a fragment (#...), which is never sent";
        }
        if (uri.Scheme == "http" && !(policy.AllowInsecureLoopback && uri.IsLoopback))
        {
            return policy.AllowInsecureLoopback
                ? "is plain http to a host other than this machine: use https"
                : "is plain http: use https";
        }
        return null;
    }
}
