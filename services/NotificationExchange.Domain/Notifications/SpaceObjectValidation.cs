using System.Globalization;
using System.Text.RegularExpressions;
using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Domain.Notifications;

/// <summary>The rules for naming a space object: its catalogue number, COSPAR id and name.</summary>
public static partial class SpaceObjectValidation
{
    public static void Validate(string at, SpaceObjectRef? obj, ValidationErrors errors)
    {
        if (obj is null)
        {
            errors.Add(at, "is required");
            return;
        }
        ValidateCatalogNumber($"{at}.norad_cat_id", obj.NoradCatId, errors);
        if (!string.IsNullOrEmpty(obj.CosparId))
        {
            var match = CosparIdPattern().Match(obj.CosparId);
            if (!match.Success)
            {
                errors.Add($"{at}.cospar_id", $"{Quoted.Value(obj.CosparId)} is not a COSPAR id of the form YYYY-NNNP{{PP}} (for example 1998-067A)");
            }
            else if (int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture) is var year && (year < 1957 || year > 2100))
            {
                errors.Add($"{at}.cospar_id", $"launch year {year} is outside 1957 to 2100");
            }
        }
        errors.OptionalText($"{at}.name", obj.Name, 64, allowLineBreaks: false);
    }

    public static void ValidateList(string at, IReadOnlyList<SpaceObjectRef> objects, ValidationErrors errors)
    {
        if (objects.Count > NotificationValidator.MaxListLength)
        {
            errors.Add(at, $"has {objects.Count} entries; at most {NotificationValidator.MaxListLength} allowed");
        }
        for (var i = 0; i < objects.Count; i++)
        {
            Validate($"{at}[{i}]", objects[i], errors);
        }
    }

    public static void ValidateCatalogNumber(string at, int number, ValidationErrors errors)
    {
        if (number == 0)
        {
            errors.Add(at, "is required");
        }
        else if (number is < 1 or > NotificationValidator.MaxCatalogNumber)
        {
            errors.Add(at, $"catalogue number {number} is outside 1 to {NotificationValidator.MaxCatalogNumber} (Alpha-5 Z9999)");
        }
    }

    [GeneratedRegex(@"^([0-9]{4})-[0-9]{3}[A-Z]{1,3}\z")]
    private static partial Regex CosparIdPattern();
}
