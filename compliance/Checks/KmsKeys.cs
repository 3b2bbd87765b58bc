using System.Text.Json;
using Toolkit.Compliance.Resources;

namespace Toolkit.Compliance.Checks;

/// <summary>Decides whether a key property names a customer-managed KMS key of the program.</summary>
internal static class KmsKeys
{
    /// <summary>
    /// True when the value at <paramref name="path"/> references an <c>aws:kms:Key</c> (or its alias) in the
    /// program, or is a literal key ARN that is not an AWS-managed <c>alias/aws/...</c>.
    /// </summary>
    public static bool IsCustomerManaged(ProgramView program, ResourceView resource, string path)
    {
        if (resource.Get(path) is not { ValueKind: JsonValueKind.String } value) return false;
        var text = value.GetString()!;
        foreach (var reference in ResourceReference.In(text))
            if (program.Named(reference.Resource) is { } target && (target.Is("aws:kms:Key") || target.Is("aws:kms:Alias")))
                return true;
        return text.StartsWith("arn:aws:kms:", StringComparison.Ordinal) && text.Contains(":key/", StringComparison.Ordinal);
    }
}
