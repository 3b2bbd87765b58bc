namespace ChatApp;

// Left with a directive it never needed: it must not outlive the package.
public interface IExplainer
{
    Task<string> ExplainAsync(string verse);
}
