using System.Globalization;

namespace Toolkit.Stacks.Synthesis;

/// <summary>
/// Blue-green traffic split as stack config, so a promotion changes config (<c>pulumi config set</c>)
/// and never resources. Every synthesized blue-green program declares these keys; each provider reads
/// the form it needs:
/// <list type="bullet">
/// <item><c>blueWeight</c>, <c>greenWeight</c> (Integer, percent 0-100): ALB forward weights and Route53 weighted records.</item>
/// <item><c>blueOriginWeight</c>, <c>greenOriginWeight</c> (Number, 0.00-1.00): Cloudflare pool origin weights
/// (Pulumi YAML has no arithmetic, so the fraction is its own key).</item>
/// </list>
/// </summary>
public static class TrafficWeights
{
    /// <summary>Config key of blue's percent.</summary>
    public const string BlueWeightKey = "blueWeight";

    /// <summary>Config key of green's percent.</summary>
    public const string GreenWeightKey = "greenWeight";

    /// <summary>Config key of blue's Cloudflare origin weight (fraction).</summary>
    public const string BlueOriginWeightKey = "blueOriginWeight";

    /// <summary>Config key of green's Cloudflare origin weight (fraction).</summary>
    public const string GreenOriginWeightKey = "greenOriginWeight";

    /// <summary>Every key, in the order written.</summary>
    public static IReadOnlyList<string> Keys { get; } = [BlueWeightKey, GreenWeightKey, BlueOriginWeightKey, GreenOriginWeightKey];

    /// <summary>
    /// The config values for <paramref name="greenPercent"/> percent of traffic on green, keyed without the
    /// project prefix (<c>greenWeight</c>); pass to <c>pulumi config set KEY VALUE</c> in the stack's directory.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ConfigValues(int greenPercent)
    {
        if (greenPercent is < 0 or > 100)
            throw new ArgumentOutOfRangeException(nameof(greenPercent), greenPercent, "The green percentage must be between 0 and 100.");
        var blue = 100 - greenPercent;
        return
        [
            new(BlueWeightKey, blue.ToString(CultureInfo.InvariantCulture)),
            new(GreenWeightKey, greenPercent.ToString(CultureInfo.InvariantCulture)),
            new(BlueOriginWeightKey, Fraction(blue)),
            new(GreenOriginWeightKey, Fraction(greenPercent)),
        ];
    }

    /// <summary>The same values with the project prefix (<c>shop:greenWeight</c>), as they appear in <c>Pulumi.STACK.yaml</c>.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ConfigValues(string project, int greenPercent) =>
        ConfigValues(greenPercent).Select(kv => new KeyValuePair<string, string>($"{project}:{kv.Key}", kv.Value)).ToList();

    private static string Fraction(int percent) => (percent / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
