using NotificationExchange.Domain.Operators;
using NotificationExchange.Domain.Validation;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Rules;

/// <summary>
/// An organisation names where it registers its objects: a state by its ISO 3166-1 alpha-2 code, or an
/// intergovernmental organisation with its own register (ESA is an agency with no single state to name).
/// </summary>
public class CountryCodeTests
{
    [TestCase("FR")]
    [TestCase("US")]
    [TestCase("ESA")]
    [TestCase("EUMETSAT")]
    [TestCase(null)]
    public void A_state_or_an_intergovernmental_register_is_accepted(string? code) => Assert.That(Violations(code), Is.Empty);

    [TestCase("fr")]
    [TestCase("FRA")]
    [TestCase("XX")]
    [TestCase("esa")]
    [TestCase("EU")]
    [TestCase("FR\n")]
    public void Anything_else_is_refused_naming_the_field(string code) => Assert.That(Violations(code), Has.Length.EqualTo(1).And.All.StartsWith("country: "));

    private static string[] Violations(string? code)
    {
        var errors = new ValidationErrors();
        CountryCodes.Validate("country", code, errors);
        return errors.Violations.Select(v => $"{v.Field}: {v.Description}").ToArray();
    }
}
