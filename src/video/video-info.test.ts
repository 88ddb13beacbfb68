import { describe, expect, it } from 'vitest';
import { frameArgs, parseProbe, planFrames, showinfoTime } from './video-info';

const stream = (extra: object) => JSON.stringify({
  streams: [{ codec_type: 'video', codec_name: 'h264', width: 1920, height: 1080, avg_frame_rate: '30000/1001', nb_frames: '300', ...extra }],
  format: { duration: '10.010000' },
});

describe('parseProbe', () => {
  it("keeps the container's name and its text tags, and nothing else", () => {
    const json = JSON.stringify({
      streams: [{ codec_type: 'video', codec_name: 'h264', width: 320, height: 240 }],
      format: { format_name: 'mov,mp4', format_long_name: 'QuickTime / MOV', tags: { encoder: 'Lavf59', 'com.apple.quicktime.make': 'Apple', odd: { nested: 1 }, long: 'x'.repeat(500) } },
    });
    const info = parseProbe(json);
    expect(info.container).toBe('QuickTime / MOV');
    expect(info.tags).toEqual({ encoder: 'Lavf59', 'com.apple.quicktime.make': 'Apple', long: 'x'.repeat(200) });
  });

  it('reads size, rate, duration and frame count', () => {
    const info = parseProbe(stream({}));
    expect(info).toMatchObject({ width: 1920, height: 1080, codec: 'h264', rotation: 0, frameCount: 300, duration: 10.01 });
    expect(info.fps).toBeCloseTo(29.97, 2);
  });

  it('turns the size of a phone video shot upright (display matrix -90 degrees)', () => {
    const info = parseProbe(stream({ side_data_list: [{ side_data_type: 'Display Matrix', rotation: -90 }] }));
    expect(info).toMatchObject({ width: 1080, height: 1920, rotation: 90 });
  });

  it('estimates the frame count when the container does not store it', () => {
    expect(parseProbe(stream({ nb_frames: undefined })).frameCount).toBe(300);
  });

  it('says when there is sound but no picture, or nothing at all', () => {
    const audio = JSON.stringify({ streams: [{ codec_type: 'audio', codec_name: 'aac' }], format: {} });
    expect(() => parseProbe(audio)).toThrow(/sound but no picture/);
    expect(() => parseProbe('')).toThrow(/could not be read as a video/);
    expect(() => parseProbe('{}')).toThrow(/No video picture/);
  });
});

describe('planFrames and frameArgs', () => {
  const info = parseProbe(stream({ width: 3840, height: 2160 }));

  it('scales 4K down to 1920 on the long side, even dimensions, and samples only below the native rate', () => {
    expect(planFrames(info, 5)).toEqual({ width: 1920, height: 1080, sampleFps: 5 });
    expect(planFrames(info, 60).sampleFps).toBeNull();
    expect(planFrames(info, null).sampleFps).toBeNull();
  });

  it('asks ffmpeg for raw RGBA at the planned size, with timestamps logged per frame', () => {
    const args = frameArgs('/input/video', { width: 640, height: 360, sampleFps: 5 }, '/frames');
    expect(args.join(' ')).toBe("-skip_frame noref -i /input/video -map 0:v:0 -an -sn -dn -vf select='isnan(prev_selected_t)+gte(floor(t*5),floor(prev_selected_t*5)+1)',scale=640:360:flags=area,showinfo=checksum=0 -fps_mode passthrough -pix_fmt rgba -f rawvideo /frames");
    expect(frameArgs('/in', { width: 2, height: 2, sampleFps: null }, '/out').join(' ')).toBe('-i /in -map 0:v:0 -an -sn -dn -vf scale=2:2:flags=area,showinfo=checksum=0 -fps_mode passthrough -pix_fmt rgba -f rawvideo /out');
  });

  it('reads presentation times from showinfo lines only', () => {
    expect(showinfoTime('[Parsed_showinfo_2 @ 0x1] n:   3 pts:   3003 pts_time:0.1001  duration:1001')).toBeCloseTo(0.1001);
    expect(showinfoTime('[Parsed_showinfo_2 @ 0x1] color_range:tv color_space:bt709')).toBeNull();
    expect(showinfoTime('frame=   10 fps=0.0 q=-0.0 size=N/A time=00:00:00.33 pts_time:1')).toBeNull();
  });
});
