using NotificationExchange.Domain.Validation;

namespace NotificationExchange.Domain.Operators;

/// <summary>
/// Who an organisation registers its objects with: a state, by its officially assigned ISO 3166-1 alpha-2 code (249,
/// as the ISO 3166 Maintenance Agency lists them), or one of the intergovernmental organisations that keep their own
/// register under the Registration Convention (ESA, EUMETSAT), by its name. A fixed list rather than the platform's
/// region data: the exchange runs with invariant globalization, and a code must mean the same on every instance.
/// </summary>
public static class CountryCodes
{
    private static readonly HashSet<string> _assigned = """
        AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
        CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR
        GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO
        JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR
        MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO
        RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV
        TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    // Intergovernmental organisations with their own register of space objects (UNOOSA lists their declarations of
    // acceptance); ESA, for one, is an agency with no single state to name.
    private static readonly HashSet<string> _intergovernmental = new(["ESA", "EUMETSAT"], StringComparer.Ordinal);

    /// <summary>True for an assigned code or an intergovernmental register, in upper case, the one form the directory stores and filters by.</summary>
    public static bool IsAssigned(string? code) => code is not null && (_assigned.Contains(code) || _intergovernmental.Contains(code));

    /// <summary>Refuses a code that is given but not assigned (or not in upper case).</summary>
    public static void Validate(string field, string? code, ValidationErrors errors)
    {
        if (code is not null && !IsAssigned(code))
        {
            errors.Add(field, $"{Quoted.Value(code)} is not an ISO 3166-1 alpha-2 code in upper case (for example FR, US, JP) nor an intergovernmental register (ESA, EUMETSAT)");
        }
    }
}
