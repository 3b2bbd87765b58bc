using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Toolkit.Transforms.Rewriters.OpenAi;

internal sealed partial class ChatClientRewrite
{
    // Values read as text where the text is only shown (a log line, an exception message): the finish
    // reason in an interpolation, $"Finish reason: {completion.FinishReason}", prints as the
    // Microsoft.Extensions.AI struct names it (lower case, empty when there is none).
    private void PlanTextReads()
    {
        foreach (var hole in _root.DescendantNodes().OfType<InterpolationSyntax>())
        {
            if (hole.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "FinishReason" } access || hole.FormatClause is not null || hole.AlignmentClause is not null) continue;
            if (model.GetSymbolInfo(access).Symbol is not IPropertySymbol property
                || FullName(property.ContainingType) is not ("OpenAI.Chat.ChatCompletion" or "OpenAI.Chat.StreamingChatCompletionUpdate")) continue;
            Accept(access.Name);
            Notes.Add((LineOf(access), "the finish reason now reads in lower case (stop, length, tool_calls, content_filter), as Microsoft.Extensions.AI names it, and as nothing when there is none."));
        }
    }

    // new ChatClient(model: Environment.GetEnvironmentVariable("OPEN_AI_CHAT_NAME"), ...): the model id is set
    // where the app runs, not in code the swap sees, and still names an OpenAI model there. A model id written
    // elsewhere (a settings class, a parameter default, a local) is followed there (NoteModelOrigins).
    private void ModelFromEnvironment(ExpressionSyntax modelArgument)
    {
        foreach (var call in modelArgument.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
        {
            if (call.ArgumentList.Arguments is not [{ Expression: LiteralExpressionSyntax name }] || !IsString(name)
                || model.GetSymbolInfo(call).Symbol is not IMethodSymbol { Name: "GetEnvironmentVariable", ContainingType.Name: "Environment" }) continue;
            Notes.Add((LineOf(call), $"the model id comes from the environment variable {name.Token.ValueText}, which still names an OpenAI model where the app runs: set it to an {recipe.Provider.Id} model id there."));
        }
        NoteModelOrigins(modelArgument);
    }
}
