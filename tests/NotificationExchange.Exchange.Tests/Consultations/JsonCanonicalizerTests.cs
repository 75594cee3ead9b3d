using System.Globalization;
using System.Text.Json.Nodes;
using NotificationExchange.Consultations.Transcripts;
using NotificationExchange.Exchange.Tests.Support;
using NUnit.Framework;

namespace NotificationExchange.Exchange.Tests.Consultations;

/// <summary>RFC 8785 (JSON Canonicalization Scheme) against the RFC's own examples and its rules case by case.</summary>
public class JsonCanonicalizerTests
{
    [Test]
    public void The_rfc_s_example_of_numbers_strings_and_literals_comes_out_as_the_rfc_prints_it()
    {
        // RFC 8785 section 3.2.2 (the input) and 3.2.3 (its canonical form)
        const string input = """
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """;

        Assert.That(JsonCanonicalizer.Canonicalize(input),
            Is.EqualTo("""{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"""));
    }

    [Test]
    public void Members_are_sorted_by_utf16_code_units_as_in_the_rfc_s_sorting_example()
    {
        // RFC 8785 section 3.2.3: U+1F600 (a surrogate pair, D83D DE00) sorts before U+FB33, against code point order
        const string input = """
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """;

        var keys = JsonNode.Parse(JsonCanonicalizer.Canonicalize(input))!.AsObject().Select(m => m.Key);

        Assert.That(keys, Is.EqualTo(new[] { "\r", "1", "\u0080", "\u00f6", "\u20ac", "\ud83d\ude00", "\ufb33" }));
        Assert.That(JsonCanonicalizer.Canonicalize(input), Does.StartWith("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","),
            "U+0080 is not an ASCII control character: it is written as is");
    }

    // RFC 8785 appendix B: IEEE 754 doubles (as bits) and how ECMAScript writes them.
    [TestCase("0000000000000000", "0")]
    [TestCase("8000000000000000", "0")]
    [TestCase("0000000000000001", "5e-324")]
    [TestCase("8000000000000001", "-5e-324")]
    [TestCase("7fefffffffffffff", "1.7976931348623157e+308")]
    [TestCase("ffefffffffffffff", "-1.7976931348623157e+308")]
    [TestCase("4340000000000000", "9007199254740992")]
    [TestCase("c340000000000000", "-9007199254740992")]
    [TestCase("4430000000000000", "295147905179352830000")]
    [TestCase("44b52d02c7e14af5", "9.999999999999997e+22")]
    [TestCase("44b52d02c7e14af6", "1e+23")]
    [TestCase("44b52d02c7e14af7", "1.0000000000000001e+23")]
    [TestCase("444b1ae4d6e2ef4e", "999999999999999700000")]
    [TestCase("444b1ae4d6e2ef4f", "999999999999999900000")]
    [TestCase("444b1ae4d6e2ef50", "1e+21")]
    [TestCase("3eb0c6f7a0b5ed8c", "9.999999999999997e-7")]
    [TestCase("3eb0c6f7a0b5ed8d", "0.000001")]
    [TestCase("41b3de4355555553", "333333333.3333332")]
    [TestCase("41b3de4355555554", "333333333.33333325")]
    [TestCase("41b3de4355555555", "333333333.3333333")]
    [TestCase("41b3de4355555556", "333333333.3333334")]
    [TestCase("41b3de4355555557", "333333333.33333343")]
    [TestCase("becbf647612f3696", "-0.0000033333333333333333")]
    [TestCase("43143ff3c1cb0959", "1424953923781206.2")]
    public void Numbers_are_written_as_ecmascript_writes_the_double(string bits, string expected)
    {
        var value = BitConverter.Int64BitsToDouble(long.Parse(bits, NumberStyles.HexNumber, CultureInfo.InvariantCulture));

        Assert.That(JsonCanonicalizer.FormatDouble(value), Is.EqualTo(expected));
        Assert.That(JsonCanonicalizer.Canonicalize($"[{value.ToString("R", CultureInfo.InvariantCulture)}]"), Is.EqualTo($"[{expected}]"),
            "the same through the JSON text .NET writes for it");
    }

    [Test]
    public void Control_characters_are_escaped_in_lower_case_hex_unless_json_has_a_short_escape()
    {
        var all = new string(Enumerable.Range(0, 0x20).Select(c => (char)c).ToArray()) + "\u007f/\"\\";
        var expected = string.Concat(Enumerable.Range(0, 0x20).Select(c => c switch
        {
            0x08 => "\\b",
            0x09 => "\\t",
            0x0a => "\\n",
            0x0c => "\\f",
            0x0d => "\\r",
            _ => $"\\u{c:x4}",
        })) + "\u007f/\\\"\\\\";

        Assert.That(JsonCanonicalizer.Canonicalize(JsonValue.Create(all)), Is.EqualTo($"\"{expected}\""));
        Assert.That(JsonCanonicalizer.Canonicalize("\"\\u001F\\u00e9\\u2028\\ud83d\\ude00\""), Is.EqualTo("\"\\u001f\u00e9\u2028\ud83d\ude00\""),
            "escapes in the input are undone; only what RFC 8785 escapes is escaped again, in lower case");
    }

    [Test]
    public void Values_built_in_code_come_out_as_the_same_values_parsed_from_text()
    {
        var built = new JsonObject
        {
            ["b"] = new JsonArray(1L, "x", true, null, new JsonObject()),
            ["a"] = 9007199254740992L,
            ["c"] = 4.5,
            ["é"] = "Ω",
        };

        Assert.That(JsonCanonicalizer.Canonicalize(built), Is.EqualTo("""{"a":9007199254740992,"b":[1,"x",true,null,{}],"c":4.5,"é":"Ω"}"""));
        Assert.That(JsonCanonicalizer.Canonicalize(built), Is.EqualTo(JsonCanonicalizer.Canonicalize(built.ToJsonString())));
        Assert.That(JsonCanonicalizer.Canonicalize((JsonNode?)null), Is.EqualTo("null"));
    }

    [Test]
    public void What_i_json_does_not_allow_is_refused_rather_than_written_some_other_way()
    {
        Assert.Throws<ArgumentException>(() => JsonCanonicalizer.Canonicalize(JsonValue.Create("lone \ud800 surrogate")));
        Assert.Throws<ArgumentException>(() => JsonCanonicalizer.Canonicalize(JsonValue.Create("\udc00")));
        Assert.Throws<ArgumentException>(() => JsonCanonicalizer.Canonicalize("[\"a\\ud800b\"]"), "an escaped lone surrogate in JSON text");
        Assert.Throws<ArgumentException>(() => JsonCanonicalizer.Canonicalize("[1e400]"), "a number beyond a double");
    }

    [Test]
    public async Task An_independent_implementation_agrees_on_awkward_input()
    {
        const string input = """
            {"z":[{"b":2,"a":1}],"\u00e9t\u00e9":"caf\u00e9\n\t\u0000","\ud83d\ude00":0.1,"A":-0,"big":1e21,"small":1e-7,"":"","\u007f":"\u2028"}
            """;

        var (canonical, sha256) = await IndependentJcs.CanonicalizeAsync(input);

        Assert.That(JsonCanonicalizer.Canonicalize(input), Is.EqualTo(canonical));
        Assert.That(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(JsonCanonicalizer.Canonicalize(JsonNode.Parse(input))))),
            Is.EqualTo(sha256));
    }
}
