namespace SocialEconomy.Domain.Planning;

/// <summary>
/// 연도별 추진계획: a row of qualitative yearly steps ("조직개편 T/F 구성"), optionally
/// labelled, under an action item.
/// </summary>
public class Milestone
{
    private readonly List<MilestoneEntry> _entries = [];

    internal Milestone(ActionItem actionItem, int sortOrder, string? label)
    {
        ActionItem = actionItem;
        SortOrder = sortOrder;
        Label = BasicPlan.Optional(label, 200);
    }

    private Milestone()
    {
        ActionItem = null!;
    }

    public int Id { get; private set; }

    public int ActionItemId { get; private set; }

    public ActionItem ActionItem { get; private set; }

    public int SortOrder { get; private set; }

    public string? Label { get; private set; }

    public IReadOnlyList<MilestoneEntry> Entries => _entries.OrderBy(e => e.Year).ToList();

    public void Relabel(string? label) => Label = BasicPlan.Optional(label, 200);

    public void SetText(int year, string? text)
    {
        ActionItem.Years.EnsureContains(year);
        var value = BasicPlan.Optional(text, 2000);
        _entries.RemoveAll(e => e.Year == year);
        if (value is not null && value != "-")
        {
            _entries.Add(new MilestoneEntry(year, value));
        }
    }

    internal void Reorder(int sortOrder) => SortOrder = sortOrder;

    public string? TextFor(int year) => _entries.FirstOrDefault(e => e.Year == year)?.Text;
}

/// <summary>One year's text of a milestone row.</summary>
public class MilestoneEntry
{
    internal MilestoneEntry(int year, string text)
    {
        Year = year;
        Text = text;
    }

    public int Id { get; private set; }

    public int MilestoneId { get; private set; }

    public int Year { get; private set; }

    public string Text { get; private set; }

    /// <summary>Multi-line cells keep their line breaks; each line is one step.</summary>
    public IReadOnlyList<string> Lines => Text.Split('\n');
}
