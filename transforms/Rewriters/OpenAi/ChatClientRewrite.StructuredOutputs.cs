using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Toolkit.Transforms.Rewriters.OpenAi;

internal sealed partial class ChatClientRewrite
{
    // ChatResponseFormat.ForJsonSchema on the target provider: what goes on the wire differs from OpenAI's json_schema.
    // Seen on the wire (a loopback stand-in): Anthropic 13.14.0's IChatClient sends output_config.format
    // {type: json_schema, schema}, with additionalProperties: false added to the schema's objects, and neither the
    // schema's name nor its description; there is no strict flag (the output is always held to the schema).
    private void NoteJsonSchema(InvocationExpressionSyntax invocation, bool strict)
    {
        var dropped = strict ? "the name, description and strict flag" : "the name and description";
        Notes.Add((LineOf(invocation), recipe.Provider == ChatProvider.Anthropic
            ? $"the JSON schema response format is now ChatResponseFormat.ForJsonSchema: the Anthropic SDK's IChatClient sends it as Anthropic structured outputs (output_config.format json_schema, additionalProperties: false added to its objects), without {dropped}; check that the Claude model used supports structured outputs."
            : $"the JSON schema response format is now ChatResponseFormat.ForJsonSchema: check how {recipe.Provider.Id} applies it ({dropped} may not be sent)."));
    }
}
