namespace StockAgent.Notebooks;

/// <summary>One cell of a notebook: its position, kind ("code" or "markdown"), kernel language and source.</summary>
public sealed record NotebookCell(int Index, string Kind, string Language, string Source)
{
    public bool IsCode => Kind == "code";
}
