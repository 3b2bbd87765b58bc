using Toolkit.Transforms.Recipes.Primitives;
using Toolkit.Transforms.Rewriters;
using Toolkit.Transforms.Rewriters.Anthropic;
using Toolkit.Transforms.Rewriters.OpenAi;

namespace Toolkit.Transforms.Recipes;

/// <summary>
/// Every recipe by name: the built-in primitives (package, namespace, type, method, argument and
/// configuration changes), the code rewriters, and the declarative YAML recipes embedded in this
/// assembly. YAML recipes are checked when the catalog is built: each name in a <c>recipeList</c>
/// must exist, its options must be valid, and no recipe may include itself.
/// </summary>
public sealed class RecipeCatalog
{
    private readonly SortedDictionary<string, Func<RecipeArguments, IRecipe>> _factories = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, RecipeDefinition> _definitions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CompositeRecipe> _composites = new(StringComparer.Ordinal);

    /// <summary>The catalog with the built-in recipes and the embedded YAML recipes.</summary>
    public static RecipeCatalog Default { get; } = new(RecipeYaml.LoadEmbedded());

    /// <summary>Builds a catalog with the built-ins plus <paramref name="definitions"/>.</summary>
    /// <exception cref="RecipeException">A definition is invalid (message names its source and line).</exception>
    public RecipeCatalog(IEnumerable<RecipeDefinition> definitions)
    {
        Add(ChangePackage.RecipeName, a => new ChangePackage(a));
        Add(RenameNamespace.RecipeName, a => new RenameNamespace(a));
        Add(RenameType.RecipeName, a => new RenameType(a));
        Add(RenameMethod.RecipeName, a => new RenameMethod(a));
        Add(RenameArgument.RecipeName, a => new RenameArgument(a));
        Add(RenameConfigurationKey.RecipeName, a => new RenameConfigurationKey(a));
        Add(ChangeConfigurationValue.RecipeName, a => new ChangeConfigurationValue(a));
        Add(MapStoredValues.RecipeName, a => new MapStoredValues(a));
        Add(OpenAiChatToChatClient.RecipeName, a => new OpenAiChatToChatClient(a));
        Add(SwapChatClientProvider.RecipeName, a => new SwapChatClientProvider(a));
        Add(AnthropicMessagesToChatClient.RecipeName, a => new AnthropicMessagesToChatClient(a));
        Add(S3ClientToR2.RecipeName, a => new S3ClientToR2(a));
        Add(NeonToSupabaseConnectionStrings.RecipeName, a => new NeonToSupabaseConnectionStrings(a));
        Add(R2ClientToS3.RecipeName, a => new R2ClientToS3(a));
        Add(SupabaseToNeonConnectionStrings.RecipeName, a => new SupabaseToNeonConnectionStrings(a));

        foreach (var definition in definitions)
        {
            if (_factories.ContainsKey(definition.Name) || !_definitions.TryAdd(definition.Name, definition))
                throw new RecipeException($"{definition.Source}: recipe '{definition.Name}' is defined twice.");
        }
        foreach (var name in _definitions.Keys) Composite(name, []);
    }

    /// <summary>Names of every recipe, sorted.</summary>
    public IReadOnlyList<string> Names => _factories.Keys.Concat(_definitions.Keys).Order(StringComparer.Ordinal).ToList();

    /// <summary>The declarative definitions, sorted by name.</summary>
    public IReadOnlyList<RecipeDefinition> Definitions => _definitions.Values.ToList();

    /// <summary>True when <paramref name="name"/> is a built-in recipe taking options.</summary>
    public bool IsBuiltIn(string name) => _factories.ContainsKey(name);

    /// <summary>The recipe <paramref name="name"/> configured with <paramref name="arguments"/>.</summary>
    /// <exception cref="RecipeException">Unknown name or invalid options.</exception>
    public IRecipe Create(string name, IReadOnlyDictionary<string, object>? arguments = null)
    {
        if (_factories.TryGetValue(name, out var factory))
        {
            var recipe = factory(new RecipeArguments(name, arguments));
            new RecipeArguments(name, arguments).CheckKnown(recipe.Options);
            return recipe;
        }
        if (_definitions.ContainsKey(name))
        {
            if (arguments is { Count: > 0 }) throw new RecipeException($"{name}: a declarative recipe takes no options.");
            return Composite(name, []);
        }
        throw new RecipeException($"unknown recipe '{name}' (known: {string.Join(", ", Names)}).");
    }

    private void Add(string name, Func<RecipeArguments, IRecipe> factory) => _factories.Add(name, factory);

    private CompositeRecipe Composite(string name, IReadOnlyList<string> including)
    {
        if (_composites.TryGetValue(name, out var built)) return built;
        var definition = _definitions[name];
        if (including.Contains(name))
            throw new RecipeException($"{definition.Source}: recipe '{name}' includes itself ({string.Join(" -> ", including.Append(name))}).");
        var list = new List<IRecipe>();
        foreach (var step in definition.RecipeList)
        {
            try
            {
                list.Add(_definitions.ContainsKey(step.RecipeName) && step.Options.Count == 0
                    ? Composite(step.RecipeName, [.. including, name])
                    : Create(step.RecipeName, step.Options));
            }
            catch (RecipeException e) when (!e.Message.StartsWith(definition.Source, StringComparison.Ordinal) && !e.Message.Contains(".yml:", StringComparison.Ordinal))
            {
                throw new RecipeException($"{definition.Source}:{step.Line}: {e.Message}");
            }
        }
        return _composites[name] = new CompositeRecipe(definition, list);
    }
}
