using Toolkit.Stacks.Model;
using Toolkit.Stacks.Synthesis;

namespace Toolkit.Stacks.Platforms.Patterns;

/// <summary>
/// Stack config the services read: the container image per colour (<c>image</c>, or <c>blueImage</c> and
/// <c>greenImage</c>), and for blue-green the traffic weights of <see cref="TrafficWeights"/> (blue 100, green 0
/// by default). Promotion sets these with <c>pulumi config set</c>; resources never change for a shift.
/// </summary>
public static class ServiceConfig
{
    /// <summary>Declares the keys; returns the image key per colour.</summary>
    public static IReadOnlyDictionary<string, ConfigDeclaration> Declare(StackScope scope)
    {
        var image = scope.Context.Stack.Image;
        var images = new Dictionary<string, ConfigDeclaration>(StringComparer.Ordinal);
        if (!scope.Context.IsBlueGreen)
        {
            images["app"] = scope.Program.Config(new ConfigDeclaration("image", ConfigType.String, image));
            return images;
        }
        images["blue"] = scope.Program.Config(new ConfigDeclaration("blueImage", ConfigType.String, image));
        images["green"] = scope.Program.Config(new ConfigDeclaration("greenImage", ConfigType.String, image));
        scope.Program.Config(new ConfigDeclaration(TrafficWeights.BlueWeightKey, ConfigType.Integer, 100));
        scope.Program.Config(new ConfigDeclaration(TrafficWeights.GreenWeightKey, ConfigType.Integer, 0));
        scope.Program.Config(new ConfigDeclaration(TrafficWeights.BlueOriginWeightKey, ConfigType.Number, 1.0));
        scope.Program.Config(new ConfigDeclaration(TrafficWeights.GreenOriginWeightKey, ConfigType.Number, 0.0));
        return images;
    }
}
