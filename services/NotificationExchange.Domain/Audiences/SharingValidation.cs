using NotificationExchange.Domain.Notifications;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Domain.Audiences;

/// <summary>
/// The rules of a notification's audience and embargo, by wire path (<c>audience.organizations[2]</c>,
/// <c>embargo.until</c>). What needs the directory (named organisations exist) is the filing service's, before the
/// write; what needs the notification as it stands (an amendment narrows nothing already seen) is the lifecycle's, in
/// the write.
/// </summary>
public static class SharingValidation
{
    /// <summary>
    /// An audience as asked for: the scope's number as sent (0, unspecified, is PUBLIC) and the organisations;
    /// null (with every fault said) when it is not one.
    /// </summary>
    public static NotificationAudience? Audience(string at, int scope, IReadOnlyList<string> organizations, string filer, ValidationErrors errors)
    {
        var before = errors.Violations.Count;
        var resolved = scope == 0 ? AudienceScope.Public : (AudienceScope)scope;
        if (!Enum.IsDefined(resolved))
        {
            errors.Add($"{at}.scope", $"unknown value {scope}");
            return null;
        }
        switch (resolved)
        {
            case AudienceScope.Public or AudienceScope.Registered when organizations.Count > 0:
                errors.Add($"{at}.organizations", $"a {resolved.ToString().ToUpperInvariant()} audience names no organisations");
                break;
            case AudienceScope.Named when organizations.Count is 0 or > NotificationAudience.MaxOrganizations:
                errors.Add($"{at}.organizations", $"names {organizations.Count} organisations; a NAMED audience names 1 to {NotificationAudience.MaxOrganizations}");
                break;
            case AudienceScope.Bilateral when organizations.Count != 1:
                errors.Add($"{at}.organizations", $"names {organizations.Count} organisations; a BILATERAL audience names exactly one counterpart");
                break;
            case AudienceScope.Bilateral when organizations[0] == filer:
                errors.Add($"{at}.organizations[0]", $"{organizations[0]} is the filer; a BILATERAL audience's counterpart is another organisation");
                break;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < organizations.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(organizations[i]))
            {
                errors.Add($"{at}.organizations[{i}]", "is empty; give a directory id");
            }
            else if (!seen.Add(organizations[i]))
            {
                errors.Add($"{at}.organizations[{i}]", $"{organizations[i]} is named twice");
            }
        }
        return errors.Violations.Count > before
            ? null
            : new NotificationAudience(resolved, [.. organizations.Order(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// An embargo as asked for, over the notification's <paramref name="audience"/> when it is known (null: the amendment
    /// keeps the current one, checked in the write): its audience given and strictly narrower, its time given, still to
    /// come at <paramref name="now"/> and within the times the exchange accepts. Null when it lacks a part (or its
    /// audience is not one).
    /// </summary>
    public static Embargo? Embargo(
        string at, NotificationAudience? embargoAudience, bool audienceGiven, DateTime? until, NotificationAudience? audience, string filer, DateTime now, ValidationErrors errors)
    {
        if (!audienceGiven)
        {
            errors.Add($"{at}.audience", "is required: who sees the notification until the embargo ends");
        }
        if (until is not { } time)
        {
            errors.Add($"{at}.until", "is required: when the embargo ends");
        }
        else if (TimeValidation.Accepted($"{at}.until", time, errors) && time <= now)
        {
            errors.Add($"{at}.until", $"{TimeValidation.Format(time)} has already passed (now {TimeValidation.Format(now)}); an embargo ends in the future");
        }
        if (embargoAudience is not null && audience is not null)
        {
            Narrower(at, embargoAudience, audience, filer, errors);
        }
        // Built whenever it has its parts, faults or not: a retry is compared with the request it repeats even where the
        // rules would now refuse it (its time has since passed); the faults refuse a first attempt.
        return embargoAudience is null || until is null ? null : new Embargo(embargoAudience, until.Value);
    }

    /// <summary>The embargo's audience must admit strictly fewer than the notification's, or the embargo holds nothing back.</summary>
    public static void Narrower(string at, NotificationAudience embargoAudience, NotificationAudience audience, string filer, ValidationErrors errors)
    {
        var held = embargoAudience.For(filer);
        var widened = audience.For(filer);
        if (!widened.Covers(held) || held.Covers(widened))
        {
            errors.Add($"{at}.audience.scope", $"{embargoAudience} is not narrower than the notification's audience ({audience}); an embargo holds the notification to fewer organisations until it ends");
        }
    }

    /// <summary>
    /// Refuses a new version that would hide the notification from anyone its current version admits: what was already
    /// seen is what the audience in force now admits (the embargo's while one holds), and an amendment may only widen it.
    /// </summary>
    public static void NarrowsNothing(Notification current, NotificationAudience audience, Embargo? embargo, ValidationErrors errors)
    {
        var seen = current.InForce;
        var next = (embargo?.Audience ?? audience).For(current.FilingOperator);
        if (next.WhoIsLeftOut(seen) is { } leftOut)
        {
            errors.Add(embargo is null ? "audience.scope" : "embargo.audience.scope",
                $"{embargo?.Audience ?? audience} would hide {current.Id} from {leftOut}, who can see it now; an amendment may widen an audience, never narrow it");
        }
    }
}
