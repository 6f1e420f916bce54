import { render, screen } from '@testing-library/react';
import { posture } from '../../__testUtils__/fixtures';
import { PostureTrendChart } from './PostureTrendChart';

describe('PostureTrendChart', () => {
  it('draws the trend over the days it has', () => {
    render(<PostureTrendChart trend={posture.trend} />);

    expect(
      screen.getByRole('img', { name: 'Open violations over the last 2 days' }),
    ).toBeInTheDocument();
  });

  it('explains a missing trend instead of drawing an empty chart', () => {
    render(<PostureTrendChart trend={posture.trend.slice(0, 1)} />);

    expect(
      screen.getByText(/Not enough history for a trend yet/),
    ).toBeInTheDocument();
  });
});
