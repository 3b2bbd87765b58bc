using Toolkit.Compliance.Checks;
using Toolkit.Compliance.Controls;
using Toolkit.Stacks.Configuration;

namespace Toolkit.Compliance.Tests;

public class ControlCatalogueSpecs
{
    [Fact]
    public void I_can_read_every_soc2_hipaa_and_gdpr_control_from_the_shipped_catalogue()
    {
        var catalogue = ControlCatalogue.Default;

        Assert.Equal(["CC6.1", "CC6.6", "CC6.7", "CC7.2", "A1.2"], catalogue.For(ComplianceFramework.Soc2).Select(c => c.Id));
        Assert.Equal(["164.312(a)(2)(iv)", "164.312(b)", "164.312(c)(1)", "164.312(e)(1)", "164.308(a)(7)"], catalogue.For(ComplianceFramework.Hipaa).Select(c => c.Id));
        Assert.Equal(["Art. 5(1)(e)", "Art. 17", "Art. 25", "Art. 32", "Art. 44"], catalogue.For(ComplianceFramework.Gdpr).Select(c => c.Id));
        Assert.All(catalogue.Controls, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Title));
            Assert.NotEmpty(c.CheckIds);
        });
    }

    [Fact]
    public void I_can_trust_that_every_check_the_catalogue_names_exists_and_every_check_backs_a_control()
    {
        var named = ControlCatalogue.Default.CheckIds;
        var shipped = CheckSet.All.Select(c => c.Id).ToList();

        Assert.Equal(shipped, named);
        Assert.Equal(14, shipped.Count);
    }

    [Fact]
    public void I_can_see_a_catalogue_with_an_unknown_framework_rejected_by_name()
    {
        var error = Assert.Throws<InvalidDataException>(() => ControlCatalogue.Parse("""{"frameworks":[{"id":"pci","name":"PCI","controls":[]}]}"""));

        Assert.Contains("unknown framework 'pci'", error.Message);
    }
}
