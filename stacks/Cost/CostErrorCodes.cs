namespace Toolkit.Stacks.Cost;

/// <summary>Stable codes of cost-estimate diagnostics (documented in docs/cost.md).</summary>
public static class CostErrorCodes
{
    /// <summary>The price table is not a well-formed table (bad YAML, unknown key, wrong kind, missing field).</summary>
    public const string MalformedPriceFile = "TK4001";
    /// <summary>A region the price table does not price (in the table itself, or a stack's region).</summary>
    public const string UnknownRegion = "TK4002";
    /// <summary>The same item priced twice in one region.</summary>
    public const string DuplicatePrice = "TK4003";
    /// <summary>The price table file does not exist or cannot be read.</summary>
    public const string PriceFileNotReadable = "TK4004";
    /// <summary>A --users list that is not positive whole numbers.</summary>
    public const string InvalidUsers = "TK4005";
}
