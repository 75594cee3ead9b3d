using NotificationExchange.Testing;
using NUnit.Framework;

namespace NotificationExchange.Ccsds.Tests;

/// <summary>Every file of shared/data/ccsds: the valid ones read and survive writing; the INVALID ones (SOURCES.md) are refused for the right reason.</summary>
public class SharedFileTests
{
    private static readonly HashSet<string> _invalid =
    [
        "opm/orekit_OPM-wrong-keyword.txt", "opm/orekit_OPM-number-format-error.txt", "opm/orekit_OPM-incompatible-units.txt",
        "opm/orekit_OPM-unknown-frame.txt", "opm/orekit_OPM-no-designator.txt", "omm/orekit_OMM-wrong-keyword.txt",
        "omm/orekit_OMM-number-format-error.txt", "omm/orekit_OMM-empty-object-id.txt", "oem/orekit_OEM-wrong-keyword.txt",
        "oem/orekit_OEM-ephemeris-number-format-error.txt", "oem/orekit_OEM-too-few-covariance-columns.txt",
        "oem/orekit_OEM-inconsistent-time-systems.txt", "ocm/orekit_OCM-missing-maneuver-time.txt", "ocm/orekit_OCM-wrong-nb-elements.txt",
        "ocm/orekit_OCM-missing-t0.txt", "cdm/orekit_CDM-missing-TCA.txt", "cdm/orekit_CDM-wrong-key-word.txt",
        "cdm/orekit_CDM-missing-object2-state-vector.txt", "cdm/orekit_CDM-missing-object1-covariance-block.xml",
    ];

    private static readonly string[] _valid =
    [
        "opm/orekit_OPMExample1.txt", "opm/orekit_OPMExample2.txt", "opm/orekit_OPMExample3.txt", "opm/orekit_OPMExample3.xml",
        "opm/orekit_OPMExample6.txt", "opm/orekit_OPMExamplePartialManeuver.txt", "opm/beyond_opm.kvn", "opm/beyond_opm.xml",
        "opm/beyond_opm_impulsive_man_qsw.kvn", "opm/beyond_opm_impulsive_man_qsw.xml", "opm/beyond_opm_continuous_man_tnw.kvn",
        "omm/orekit_OMMExample1.txt", "omm/orekit_OMMExample2.txt", "omm/orekit_OMMExample2.xml", "omm/orekit_OMMExample4.txt",
        "omm/orekit_OMMExample4.xml", "omm/beyond_omm.kvn", "omm/beyond_omm.xml", "omm/beyond_omm_cov.kvn", "omm/beyond_omm_user_defined.kvn",
        "oem/orekit_OEMExample1.txt", "oem/orekit_OEMExample3.txt", "oem/orekit_OEMExample3.xml", "oem/beyond_oem.kvn", "oem/beyond_oem.xml",
        "oem/beyond_oem_cov.kvn",
        "ocm/orekit_OCMExample1.txt", "ocm/orekit_OCMExample2.txt", "ocm/orekit_OCMExample2.xml", "ocm/orekit_OCMExample3.txt",
        "ocm/orekit_OCMMinimal.txt",
        "cdm/orekit_CDMExample1.txt", "cdm/orekit_CDMExample1.xml", "cdm/orekit_CDMExample2.txt", "cdm/orekit_CDMExample3.txt",
        "cdm/orekit_CDMExample4.txt", "cdm/orekit_AlfanoTestCase01.cdm",
    ];

    [Test]
    public void Every_file_in_the_folder_is_classified_here()
    {
        var root = SharedData.Require("ccsds");
        var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .ToHashSet();
        Assert.That(files, Is.EquivalentTo(_valid.Concat(_invalid)), "a file was added to or removed from shared/data/ccsds");
    }

    [Test]
    public void The_invalid_list_matches_sources_md()
    {
        var sources = Shared.Data("SOURCES.md").Split('\n')
            .Where(line => line.StartsWith("| ccsds_", StringComparison.Ordinal) && line.Contains("INVALID", StringComparison.Ordinal))
            .Select(line => line.Split('|')[1].Trim().Replace("ccsds_", "", StringComparison.Ordinal))
            .ToHashSet();
        Assert.That(sources, Is.EquivalentTo(_invalid));
    }

    public static IEnumerable<string> ValidFiles() => _valid;

    [TestCaseSource(nameof(ValidFiles))]
    public void A_valid_file_reads_and_survives_writing_in_both_syntaxes(string path)
    {
        var type = path.Split('/')[0];
        var text = Shared.Ccsds(path);
        var message = Messages.Read(type, text);
        var content = Messages.Content(type, message);
        foreach (var syntax in new[] { CcsdsSyntax.Kvn, CcsdsSyntax.Xml })
        {
            var written = Messages.Write(message, syntax);
            var back = Messages.Read(type, written);
            Expect.SameContent(content, Messages.Content(type, back));
            Assert.That(DeepEquality.Differences(message, back), Is.Empty);
            if (syntax == CcsdsSyntax.Kvn && !text.TrimStart().StartsWith('<'))
            {
                Assert.That(Messages.KvnKeywords(written), Is.SupersetOf(Messages.KvnKeywords(text)), $"a keyword of {path} was not written");
            }
        }
    }

    public static IEnumerable<TestCaseData> InvalidFiles()
    {
        yield return Invalid("opm/orekit_OPM-wrong-keyword.txt", CcsdsErrorKind.UnknownKeyword, "WRONG_KEYWORD", "WRONG_KEYWORD");
        yield return Invalid("opm/orekit_OPM-number-format-error.txt", CcsdsErrorKind.UnparsableNumber, "SEMI_MAJOR_AXIS", "SEMI_MAJOR_AXIS");
        yield return Invalid("opm/orekit_OPM-incompatible-units.txt", CcsdsErrorKind.IncompatibleUnit, "SOLAR_RAD_AREA", "SOLAR_RAD_AREA");
        yield return Invalid("opm/orekit_OPM-unknown-frame.txt", CcsdsErrorKind.UnknownFrame, "REF_FRAME", "REF_FRAME");
        yield return Invalid("opm/orekit_OPM-no-designator.txt", CcsdsErrorKind.BadDesignator, "OBJECT_ID", "OBJECT_ID");
        yield return Invalid("omm/orekit_OMM-wrong-keyword.txt", CcsdsErrorKind.UnknownKeyword, "WRONG_KEYWORD", "WRONG_KEYWORD");
        yield return Invalid("omm/orekit_OMM-number-format-error.txt", CcsdsErrorKind.UnparsableNumber, "ARG_OF_PERICENTER", "ARG_OF_PERICENTER");
        yield return Invalid("omm/orekit_OMM-empty-object-id.txt", CcsdsErrorKind.MissingMandatoryKeyword, "OBJECT_ID", "OBJECT_ID");
        yield return Invalid("oem/orekit_OEM-wrong-keyword.txt", CcsdsErrorKind.UnknownKeyword, "WRONG_KEYWORD", "WRONG_KEYWORD");
        yield return Invalid("oem/orekit_OEM-ephemeris-number-format-error.txt", CcsdsErrorKind.UnparsableNumber, "Z", "1996-12-28T21:59:02.267 -2445.234 -878.141 this");
        yield return Invalid("oem/orekit_OEM-too-few-covariance-columns.txt", CcsdsErrorKind.WrongColumnCount, "COVARIANCE", "-2.2118325e-07");
        yield return Invalid("oem/orekit_OEM-inconsistent-time-systems.txt", CcsdsErrorKind.InconsistentTimeSystems, "TIME_SYSTEM", "TIME_SYSTEM = TCG");
        yield return Invalid("ocm/orekit_OCM-missing-maneuver-time.txt", CcsdsErrorKind.MissingManeuverTime, "MAN_COMPOSITION", "MAN_COMPOSITION");
        yield return Invalid("ocm/orekit_OCM-wrong-nb-elements.txt", CcsdsErrorKind.WrongColumnCount, "trajLine", "0.0  3.0e6");
        yield return Invalid("ocm/orekit_OCM-missing-t0.txt", CcsdsErrorKind.MissingMandatoryKeyword, "EPOCH_TZERO", "META_START");
        yield return Invalid("cdm/orekit_CDM-missing-TCA.txt", CcsdsErrorKind.MissingMandatoryKeyword, "TCA", "MISS_DISTANCE");
        yield return Invalid("cdm/orekit_CDM-wrong-key-word.txt", CcsdsErrorKind.UnknownKeyword, "WRONG_KEYWORD", "WRONG_KEYWORD");
        // object 2's state vector block starts at Y, X being the line taken out
        yield return Invalid("cdm/orekit_CDM-missing-object2-state-vector.txt", CcsdsErrorKind.MissingMandatoryKeyword, "X", "Y                             = 2245.093614");
        yield return Invalid("cdm/orekit_CDM-missing-object1-covariance-block.xml", CcsdsErrorKind.MissingMandatoryKeyword, "CR_R", "<data>");
    }

    private static TestCaseData Invalid(string path, CcsdsErrorKind kind, string keyword, string lineStart) =>
        new TestCaseData(path, kind, keyword, lineStart).SetName($"Invalid {path} is refused with {kind} for {keyword}");

    [TestCaseSource(nameof(InvalidFiles))]
    public void An_invalid_file_is_refused_with_the_matching_error(string path, CcsdsErrorKind kind, string keyword, string lineStart)
    {
        var type = path.Split('/')[0];
        var text = Shared.Ccsds(path);
        var errors = Expect.Errors(() => Messages.Read(type, text));
        Assert.Multiple(() =>
        {
            Expect.Has(errors, kind, keyword, Messages.LineOf(text, lineStart));
            Assert.That(errors.Select(error => error.Kind).Distinct(), Is.EqualTo(new[] { kind }),
                "no other kind of error: " + string.Join(Environment.NewLine, errors));
        });
    }

    [Test]
    public void The_xml_errors_name_the_element_path()
    {
        var errors = Expect.Errors(() => Messages.Read("cdm", Shared.Ccsds("cdm/orekit_CDM-missing-object1-covariance-block.xml")));
        Assert.That(errors.Single().Path, Is.EqualTo("/cdm/body/segment[1]/data"));
    }
}
