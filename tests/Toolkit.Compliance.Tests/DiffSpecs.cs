using Toolkit.Compliance.Checks;
using Toolkit.Compliance.Diff;
using Toolkit.Compliance.Tests.Fixtures;

namespace Toolkit.Compliance.Tests;

public class DiffSpecs
{
    [Fact]
    public void I_can_see_control_by_control_what_a_deploy_broke_and_with_which_property()
    {
        var before = Samples.Report();
        var after = Samples.Report(y => y.Replace("backupRetentionPeriod: 14", "backupRetentionPeriod: 3"));

        var diff = ComplianceDiff.Compare(before, after);

        var a12 = Assert.Single(diff.Changes, c => c is { Framework: "soc2", Control: "A1.2" });
        Assert.Equal(ChangeKind.Regressed, a12.Kind);
        Assert.Equal((CheckStatus.Pass, CheckStatus.Fail), (a12.OldStatus!.Value, a12.NewStatus!.Value));
        var evidence = Assert.Single(a12.Evidence);
        Assert.Equal(("database", "backupRetentionPeriod", "14", "3"), (evidence.Resource, evidence.Property, evidence.OldValue, evidence.NewValue));
        Assert.True(diff.HasRegressions);
        Assert.Contains("REGRESSED  soc2 A1.2: pass -> fail", DiffRenderer.Text(diff));

        var back = ComplianceDiff.Compare(after, before);
        Assert.All(back.Changes, c => Assert.Equal(ChangeKind.Fixed, c.Kind));
        Assert.Empty(ComplianceDiff.Compare(before, before).Changes);
    }
}
