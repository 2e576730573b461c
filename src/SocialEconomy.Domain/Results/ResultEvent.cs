namespace SocialEconomy.Domain.Results;

/// <summary>One step of the review (제출, 반려, 확정, 재개): who, when and, for 반려 and 재개, why.</summary>
public class ResultEvent
{
    internal ResultEvent(ResultStep step, string actor, DateTime atUtc, string? comment)
    {
        Step = step;
        Actor = actor;
        AtUtc = atUtc;
        Comment = comment;
    }

    private ResultEvent()
    {
        Actor = string.Empty;
    }

    public long Id { get; private set; }

    public int YearResultId { get; private set; }

    public ResultStep Step { get; private set; }

    public string Actor { get; private set; }

    public DateTime AtUtc { get; private set; }

    public string? Comment { get; private set; }
}
